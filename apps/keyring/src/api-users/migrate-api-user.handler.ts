/**
 * Moves an API user to a client credential with exactly its accounts and
 * roles: the credentials capability creates the credential (and its first
 * secret, shown once), then the user records the link, disabled in the same
 * step when asked.
 */
import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideApiUser, type ExistingApiUser } from '@keyring/domain';
import { requireApiUserWithinReach } from '../credential-store/caller-reach';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CreateCredentialCommand } from '../credentials/create-credential.command';
import { apiUserViewOf } from './api-user.view';
import { ApiUserRunner } from './api-user-runner';
import { MigrateApiUserCommand, type MigratedApiUser } from './migrate-api-user.command';

const MIGRATION_PENDING = 'pending';

@CommandHandler(MigrateApiUserCommand)
export class MigrateApiUserHandler implements ICommandHandler<MigrateApiUserCommand> {
  constructor(
    private readonly runner: ApiUserRunner,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ username, migration, context }: MigrateApiUserCommand): Promise<MigratedApiUser> {
    const { name, environment, apis, allowedIps, disableBasic = false } = migration;
    // 1. Would the user accept the migration? Asked before a credential exists that nothing would point at.
    const { state } = await this.runner.load(username);
    requireApiUserWithinReach(context.reach, state);
    decideApiUser(
      { type: 'RecordApiUserMigration', clientId: MIGRATION_PENDING, disableBasic },
      state,
      this.clock(),
    );
    const user = state as ExistingApiUser;
    // 2. The credential, with the user's accounts and roles exactly.
    const created = await this.commands.execute(
      new CreateCredentialCommand(
        {
          name: name ?? `API user ${username}`,
          description: `Migrated from API user ${username}`,
          environment,
          accounts: user.accounts,
          roles: user.roles,
          ...(apis === undefined ? {} : { apis }),
          ...(allowedIps === undefined ? {} : { allowedIps }),
        },
        context,
      ),
    );
    // 3. The link on the user's side; a concurrent migration is refused here, after the reload.
    const { clientId } = created.credential;
    const result = await this.runner.run(
      username,
      { type: 'RecordApiUserMigration', clientId, disableBasic },
      context,
      (current) => requireApiUserWithinReach(context.reach, current),
    );
    const migrated = result.state as ExistingApiUser;
    return {
      ...created,
      apiUser: apiUserViewOf(migrated, migrated.migratedAt ?? created.credential.createdAt),
    };
  }
}
