import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ExistingApiUser } from '@keyring/domain';
import { requireAccountsWithinReach } from '../credential-store/caller-reach';
import { apiUserViewOf, type IssuedPasswordView } from './api-user.view';
import { ApiUserRunner } from './api-user-runner';
import { CreateApiUserCommand } from './create-api-user.command';
import { generatePassword, PasswordHasher } from './password-hasher';

@CommandHandler(CreateApiUserCommand)
export class CreateApiUserHandler implements ICommandHandler<CreateApiUserCommand> {
  constructor(
    private readonly runner: ApiUserRunner,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute({ user, context }: CreateApiUserCommand): Promise<IssuedPasswordView> {
    requireAccountsWithinReach(context.reach, user.accounts);
    const password = user.password ?? generatePassword();
    const passwordHash = await this.hasher.hash(password);
    const { username, accounts, roles } = user;
    const result = await this.runner.run(
      username,
      { type: 'CreateApiUser', username, accounts, roles, passwordHash },
      context,
    );
    const state = result.state as ExistingApiUser;
    return { apiUser: apiUserViewOf(state, state.createdAt), password };
  }
}
