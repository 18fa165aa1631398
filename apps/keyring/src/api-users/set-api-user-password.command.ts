import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';
import type { IssuedPasswordView } from './api-user.view';

export class SetApiUserPasswordCommand extends Command<IssuedPasswordView> {
  constructor(
    readonly username: string,
    /** Generated when left out. */
    readonly password: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
