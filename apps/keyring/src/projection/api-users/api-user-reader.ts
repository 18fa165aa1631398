/** Reads API users from the read models, as the API shows them: never a password or its hash. */
import type Database from 'better-sqlite3';
import type { AccountReach, ApiUserStatus } from '@keyring/domain';
import { reachSqlCondition, type SqlCondition } from '../../credential-store/caller-reach';
import { decodeCursor, type Page, toPage } from '../../platform/pagination/page-cursor';
import { whereClause } from '../where-clause';

export interface ApiUserView {
  readonly username: string;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  readonly status: ApiUserStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastUsedAt: string | null;
  /** The client credential this user was migrated to; null while it has not moved. */
  readonly migratedTo: string | null;
  readonly migratedAt: string | null;
}

export interface ApiUserFilter {
  readonly reach: AccountReach;
  readonly account?: string;
  readonly status?: ApiUserStatus;
  readonly migrated?: boolean;
  /** Users whose last recorded use is at or after this instant. */
  readonly usedSince?: string;
  readonly limit: number;
  readonly cursor?: string;
}

interface ApiUserRow {
  readonly username: string;
  readonly created_position: number;
  readonly accounts: string;
  readonly roles: string;
  readonly status: ApiUserStatus;
  readonly created_at: string;
  readonly updated_at: string;
  readonly last_used_at: string | null;
  readonly migrated_to: string | null;
  readonly migrated_at: string | null;
}

const COLUMNS =
  'username, created_position, accounts, roles, status, created_at, updated_at, last_used_at, migrated_to, migrated_at';

const toView = (row: ApiUserRow): ApiUserView => ({
  username: row.username,
  accounts: JSON.parse(row.accounts) as string[],
  roles: JSON.parse(row.roles) as string[],
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  lastUsedAt: row.last_used_at,
  migratedTo: row.migrated_to,
  migratedAt: row.migrated_at,
});

export class ApiUserReader {
  constructor(private readonly db: Database.Database) {}

  get(username: string): ApiUserView | null {
    const row = this.db
      .prepare<[string], ApiUserRow>(`SELECT ${COLUMNS} FROM api_users WHERE username = ?`)
      .get(username);
    return row ? toView(row) : null;
  }

  /** Newest first, one page at a time; deleted users only when asked for by status. */
  list(filter: ApiUserFilter): Page<ApiUserView> {
    const conditions: SqlCondition[] = [];
    const before = decodeCursor(filter.cursor);
    if (before !== null) conditions.push({ sql: 'created_position < ?', params: [before] });
    conditions.push(
      filter.status === undefined
        ? { sql: "status != 'deleted'", params: [] }
        : { sql: 'status = ?', params: [filter.status] },
    );
    if (filter.account !== undefined)
      conditions.push({
        sql: 'EXISTS (SELECT 1 FROM json_each(accounts) WHERE value = ?)',
        params: [filter.account],
      });
    if (filter.migrated !== undefined)
      conditions.push({ sql: `migrated_to IS ${filter.migrated ? 'NOT ' : ''}NULL`, params: [] });
    if (filter.usedSince !== undefined)
      conditions.push({ sql: 'last_used_at >= ?', params: [new Date(filter.usedSince).toISOString()] });
    const reach = reachSqlCondition('accounts', filter.reach);
    if (reach) conditions.push(reach);
    const { sql, params } = whereClause(conditions);
    const rows = this.db
      .prepare<
        unknown[],
        ApiUserRow
      >(`SELECT ${COLUMNS} FROM api_users ${sql} ORDER BY created_position DESC LIMIT ?`)
      .all(...params, filter.limit + 1);
    return toPage(rows, filter.limit, (row) => row.created_position, toView);
  }

  /** Every living user not yet migrated, oldest first: who still depends on Basic. */
  unmigrated(reach: AccountReach): ApiUserView[] {
    const conditions: SqlCondition[] = [{ sql: "status != 'deleted' AND migrated_to IS NULL", params: [] }];
    const reachCondition = reachSqlCondition('accounts', reach);
    if (reachCondition) conditions.push(reachCondition);
    const { sql, params } = whereClause(conditions);
    return this.db
      .prepare<unknown[], ApiUserRow>(`SELECT ${COLUMNS} FROM api_users ${sql} ORDER BY created_position`)
      .all(...params)
      .map(toView);
  }
}
