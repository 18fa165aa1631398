import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';

export class DeleteSecretCommand extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly secretId: string,
    /** Also revoke the active tokens issued with the secret (it leaked). */
    readonly revokeTokens: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}
