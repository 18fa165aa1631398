import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';

export class DeleteSecretCommand extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly secretId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
