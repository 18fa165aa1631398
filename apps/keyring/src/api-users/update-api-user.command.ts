import { Command } from '@nestjs/cqrs';
import type { ApiUserAccessChanges } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import type { ApiUserView } from './api-user.view';

export interface ApiUserUpdate extends ApiUserAccessChanges {
  readonly status?: 'active' | 'disabled';
}

export class UpdateApiUserCommand extends Command<ApiUserView> {
  constructor(
    readonly username: string,
    readonly update: ApiUserUpdate,
    readonly context: CommandContext,
  ) {
    super();
  }
}
