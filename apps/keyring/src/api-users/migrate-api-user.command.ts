import { Command } from '@nestjs/cqrs';
import type { CredentialFields } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import type { CreatedCredential } from '../credentials/create-credential.command';
import type { ApiUserView } from './api-user.view';

export interface Migration {
  readonly name?: string;
  readonly environment: CredentialFields['environment'];
  readonly apis?: readonly string[];
  readonly allowedIps?: readonly string[];
  /** Disables the user's Basic authentication in the same step. */
  readonly disableBasic?: boolean;
}

export interface MigratedApiUser extends CreatedCredential {
  readonly apiUser: ApiUserView;
}

export class MigrateApiUserCommand extends Command<MigratedApiUser> {
  constructor(
    readonly username: string,
    readonly migration: Migration,
    readonly context: CommandContext,
  ) {
    super();
  }
}
