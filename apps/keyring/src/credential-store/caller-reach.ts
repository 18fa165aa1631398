/**
 * The one place the account-reach rule of the domain (libs/domain
 * credential/account-reach.ts) is applied, on every path: commands, queries,
 * streams and the read models' SQL. A credential beyond the caller's reach
 * and one that does not exist both read as "not found".
 */
import {
  type AccountReach,
  accountOutOfReach,
  type ApiUserState,
  apiUserNotFound,
  assertWithinReach,
  type CredentialCommand,
  credentialNotFound,
  type CredentialState,
  outOfReach,
  reachesEveryAccount,
  withinReach,
} from '@keyring/domain';

/** Commands: the credential must be within reach, and so must any accounts the command gives it. */
export function requireCommandWithinReach(
  reach: AccountReach,
  state: CredentialState,
  command: CredentialCommand,
): void {
  assertWithinReach(reach, state, command);
}

/** Accounts a caller names (a batch's new credentials, an account to ask about) must all be within reach. */
export function requireAccountsWithinReach(reach: AccountReach, accounts: readonly string[]): void {
  const outside = [...new Set(outOfReach(reach, accounts))];
  if (outside.length > 0) throw accountOutOfReach(outside);
}

/** Queries: a credential's accounts as the read models hold them, null when there is no such credential. */
export function requireCredentialWithinReach(reach: AccountReach, accounts: readonly string[] | null): void {
  if (accounts === null || !withinReach(reach, accounts)) throw credentialNotFound();
}

/** Streams and in-memory answers: whether a credential (or an audit entry) on `accounts` may be shown. */
export const isWithinReach = (reach: AccountReach, accounts: readonly string[]): boolean =>
  withinReach(reach, accounts);

export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The same rule as SQL over a JSON `accounts` column: every account in it is
 * one the caller reaches. A `*` caller reaches everything, so gets no condition.
 */
export function reachSqlCondition(accountsColumn: string, reach: AccountReach): SqlCondition | null {
  if (reachesEveryAccount(reach)) return null;
  return {
    sql: `NOT EXISTS (SELECT 1 FROM json_each(${accountsColumn}) WHERE value NOT IN (SELECT value FROM json_each(?)))`,
    params: [JSON.stringify(reach.accounts)],
  };
}

/** API users as credentials: a missing, deleted or out-of-reach user is "not found"; new accounts must be reached. */
export function requireApiUserWithinReach(
  reach: AccountReach,
  state: ApiUserState,
  newAccounts: readonly string[] = [],
): void {
  if (state.status === 'absent' || state.status === 'deleted' || !withinReach(reach, state.accounts))
    throw apiUserNotFound();
  requireAccountsWithinReach(reach, newAccounts);
}

/** The same for a user as the read models hold it (null: no such user). */
export function requireApiUserViewWithinReach(
  reach: AccountReach,
  user: { readonly accounts: readonly string[]; readonly status: string } | null,
): void {
  if (user === null || user.status === 'deleted' || !withinReach(reach, user.accounts))
    throw apiUserNotFound();
}
