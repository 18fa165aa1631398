import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';

/** An administrator revokes one token of a credential by its jti (a stolen token), leaving the rest. */
export class RevokeCredentialTokenCommand extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly jti: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
