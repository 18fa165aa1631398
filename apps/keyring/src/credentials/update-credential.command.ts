import { Command } from '@nestjs/cqrs';
import type { CredentialChanges } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import type { CredentialView } from '../projection/credentials/credential.view';

export class UpdateCredentialCommand extends Command<CredentialView> {
  constructor(
    readonly clientId: string,
    readonly changes: CredentialChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}
