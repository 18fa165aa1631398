import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';
import type { IssuedSecretView } from './issued-secret';

export class GenerateSecretCommand extends Command<IssuedSecretView> {
  constructor(
    readonly clientId: string,
    readonly expiresInDays: number | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
