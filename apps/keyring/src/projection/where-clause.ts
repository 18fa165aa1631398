import type { SqlCondition } from '../credential-store/caller-reach';

/** Joins conditions with AND; an empty list selects every row. */
export function whereClause(conditions: readonly (SqlCondition | null)[]): SqlCondition {
  const present = conditions.filter((condition): condition is SqlCondition => condition !== null);
  if (present.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${present.map((condition) => `(${condition.sql})`).join(' AND ')}`,
    params: present.flatMap((condition) => condition.params),
  };
}
