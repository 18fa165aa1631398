import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requireApiUserWithinReach } from '../credential-store/caller-reach';
import { ApiUserRunner } from './api-user-runner';
import { DeleteApiUserCommand } from './delete-api-user.command';

@CommandHandler(DeleteApiUserCommand)
export class DeleteApiUserHandler implements ICommandHandler<DeleteApiUserCommand> {
  constructor(private readonly runner: ApiUserRunner) {}

  async execute({ username, context }: DeleteApiUserCommand): Promise<void> {
    await this.runner.run(username, { type: 'DeleteApiUser' }, context, (state) =>
      requireApiUserWithinReach(context.reach, state),
    );
  }
}
