import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';

export class RevokeCredentialCommand extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly reason: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
