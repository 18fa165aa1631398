import { Command } from '@nestjs/cqrs';
import type { CreationFields } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import type { CredentialView } from '../projection/credentials/credential.view';
import type { IssuedSecretView } from './issued-secret';

export interface CreatedCredential {
  readonly credential: CredentialView;
  readonly secret: IssuedSecretView;
}

export class CreateCredentialCommand extends Command<CreatedCredential> {
  constructor(
    readonly fields: CreationFields,
    readonly context: CommandContext,
  ) {
    super();
  }
}
