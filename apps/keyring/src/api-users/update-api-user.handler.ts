import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApiUserCommand, ExistingApiUser } from '@keyring/domain';
import { requireApiUserWithinReach } from '../credential-store/caller-reach';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { apiUserViewOf, type ApiUserView } from './api-user.view';
import { ApiUserRunner, type LoadedApiUser } from './api-user-runner';
import { UpdateApiUserCommand } from './update-api-user.command';

@CommandHandler(UpdateApiUserCommand)
export class UpdateApiUserHandler implements ICommandHandler<UpdateApiUserCommand> {
  constructor(
    private readonly runner: ApiUserRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Access first, then the state change: each its own decision, each recorded as its own event. */
  async execute({ username, update, context }: UpdateApiUserCommand): Promise<ApiUserView> {
    const { status, ...changes } = update;
    const commands: ApiUserCommand[] = [{ type: 'ChangeApiUserAccess', changes }];
    if (status === 'disabled') commands.push({ type: 'DisableApiUser' });
    if (status === 'active') commands.push({ type: 'EnableApiUser' });
    let result: LoadedApiUser = await this.runner.load(username);
    for (const command of commands) {
      result = await this.runner.run(username, command, context, (state) =>
        requireApiUserWithinReach(context.reach, state, changes.accounts ?? []),
      );
    }
    requireApiUserWithinReach(context.reach, result.state);
    return apiUserViewOf(result.state as ExistingApiUser, this.clock().toISOString());
  }
}
