/**
 * `api-users report`: every API user not yet migrated, its accounts, last
 * use and the days left before Basic authentication is retired. Replayed
 * from the event store, so it answers with the service stopped and the read
 * models gone.
 */
import {
  type ApiUserState,
  daysUntilRetirement,
  evolveApiUser,
  initialApiUserState,
  isBasicAuthRetired,
  usernameOfStream,
} from '@keyring/domain';
import type { ApiUsersReport } from '../api-users/api-users-report.query';
import { fromRecordedApiUserEvent } from '../credential-store/event-envelope';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { printLine } from './cli-output';
import { withEventStore } from './keyring-files';

export async function apiUsersReport(config: KeyringConfig, now: Date): Promise<ApiUsersReport> {
  const users = await withEventStore(config, async (store) => {
    const states = new Map<string, ApiUserState>();
    for await (const recorded of store.readAll()) {
      const username = usernameOfStream(recorded.stream);
      if (username === null) continue;
      const before = states.get(username) ?? initialApiUserState();
      states.set(username, evolveApiUser(before, fromRecordedApiUserEvent(recorded)));
    }
    return [...states.values()];
  });
  const retiresAt = config.basicAuthRetiresAt;
  const daysLeft = daysUntilRetirement(now, retiresAt);
  return {
    retiresAt: retiresAt.toISOString(),
    retired: isBasicAuthRetired(now, retiresAt),
    daysLeft,
    unmigrated: users.flatMap((user) =>
      user.status === 'absent' || user.status === 'deleted' || user.migratedTo !== null
        ? []
        : [
            {
              username: user.username,
              accounts: user.accounts,
              roles: user.roles,
              status: user.status,
              lastUsedAt: user.lastUsedAt,
              daysLeft,
            },
          ],
    ),
  };
}

export async function runApiUsersReport(config: KeyringConfig, json: boolean): Promise<number> {
  const report = await apiUsersReport(config, new Date());
  if (json) {
    printLine(JSON.stringify(report));
    return 0;
  }
  const when = report.retired
    ? `Basic authentication was retired at ${report.retiresAt}.`
    : `Basic authentication is retired at ${report.retiresAt}: ${report.daysLeft} day(s) left.`;
  printLine(when);
  const count = report.unmigrated.length;
  printLine(count === 0 ? 'Every API user has been migrated.' : `${count} API user(s) not yet migrated:`);
  for (const user of report.unmigrated) {
    printLine(
      `  ${user.username}  accounts ${user.accounts.join(', ')}  roles ${user.roles.join(', ')}  ` +
        `${user.status}  last used ${user.lastUsedAt ?? 'never'}`,
    );
  }
  return 0;
}
