import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';
import type { IssuedPasswordView } from './api-user.view';

export interface NewApiUser {
  readonly username: string;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  /** Chosen by the administrator (at least 16 characters); generated when left out. */
  readonly password?: string;
}

export class CreateApiUserCommand extends Command<IssuedPasswordView> {
  constructor(
    readonly user: NewApiUser,
    readonly context: CommandContext,
  ) {
    super();
  }
}
