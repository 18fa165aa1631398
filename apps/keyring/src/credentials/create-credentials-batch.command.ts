import { Command } from '@nestjs/cqrs';
import type { CreationFields } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import type { CreatedCredential } from './create-credential.command';

export class CreateCredentialsBatchCommand extends Command<CreatedCredential[]> {
  constructor(
    readonly items: readonly CreationFields[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
