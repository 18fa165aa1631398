import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ExistingApiUser } from '@keyring/domain';
import { requireApiUserWithinReach } from '../credential-store/caller-reach';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { apiUserViewOf, type IssuedPasswordView } from './api-user.view';
import { ApiUserRunner } from './api-user-runner';
import { generatePassword, PasswordHasher } from './password-hasher';
import { SetApiUserPasswordCommand } from './set-api-user-password.command';

@CommandHandler(SetApiUserPasswordCommand)
export class SetApiUserPasswordHandler implements ICommandHandler<SetApiUserPasswordCommand> {
  constructor(
    private readonly runner: ApiUserRunner,
    private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ username, password, context }: SetApiUserPasswordCommand): Promise<IssuedPasswordView> {
    // Refused before the slow hash, so an out-of-reach caller costs nothing.
    requireApiUserWithinReach(context.reach, (await this.runner.load(username)).state);
    const chosen = password ?? generatePassword();
    const passwordHash = await this.hasher.hash(chosen);
    const result = await this.runner.run(
      username,
      { type: 'SetApiUserPassword', passwordHash },
      context,
      (state) => requireApiUserWithinReach(context.reach, state),
    );
    return {
      apiUser: apiUserViewOf(result.state as ExistingApiUser, this.clock().toISOString()),
      password: chosen,
    };
  }
}
