import { Command } from '@nestjs/cqrs';
import type { UpdateCredential } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import type { CredentialView } from '../projection/credentials/credential.view';

export class UpdateCredentialCommand extends Command<CredentialView> {
  constructor(
    readonly clientId: string,
    readonly changes: UpdateCredential['changes'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
