import { Command } from '@nestjs/cqrs';
import type { CredentialFields } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import type { CreatedCredential } from './create-credential.command';

export class CreateCredentialsBatchCommand extends Command<CreatedCredential[]> {
  constructor(
    readonly items: readonly CredentialFields[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
