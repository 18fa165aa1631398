import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';
import type { BasicVerification } from './basic-verifier';

/** A command, not a query: it records the use or the refusal on the user's stream. */
export class VerifyBasicCommand extends Command<BasicVerification> {
  constructor(
    readonly authorization: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
