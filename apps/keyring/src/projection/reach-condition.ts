/**
 * The account-reach rule (see `auth/account-reach.ts`) as SQL: a row is
 * within reach when every account in its JSON `accounts` column is one the
 * caller reaches. A `*` caller reaches everything, so gets no condition.
 */
import { type AccountReach, reachesEveryAccount } from '@keyring/domain';

export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export function reachCondition(accountsColumn: string, reach: AccountReach): SqlCondition | null {
  if (reachesEveryAccount(reach)) return null;
  return {
    sql: `NOT EXISTS (SELECT 1 FROM json_each(${accountsColumn}) WHERE value NOT IN (SELECT value FROM json_each(?)))`,
    params: [JSON.stringify(reach.accounts)],
  };
}

/** Joins conditions with AND; an empty list selects every row. */
export function whereClause(conditions: readonly (SqlCondition | null)[]): SqlCondition {
  const present = conditions.filter((condition): condition is SqlCondition => condition !== null);
  if (present.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${present.map((condition) => `(${condition.sql})`).join(' AND ')}`,
    params: present.flatMap((condition) => condition.params),
  };
}
