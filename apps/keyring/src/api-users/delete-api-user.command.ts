import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';

export class DeleteApiUserCommand extends Command<void> {
  constructor(
    readonly username: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
