/** Reads credentials, their secrets and live tokens from the read models, as the API shows them. */
import type Database from 'better-sqlite3';
import { type AccountReach, epochFromIso, secretStatus } from '@keyring/domain';
import type { CredentialView, SecretView } from './credential.view';
import type { CredentialFieldColumns } from './credential-columns';
import { decodeCursor, type Page, toPage } from '../../platform/pagination/page-cursor';
import { reachSqlCondition, type SqlCondition } from '../../credential-store/caller-reach';
import { whereClause } from '../where-clause';

export interface CredentialFilter {
  readonly reach: AccountReach;
  readonly account?: string;
  readonly status?: 'active' | 'revoked';
  readonly environment?: string;
  /** Credentials with an active secret that expires within this many days of `now`. */
  readonly expiringWithinDays?: number;
  readonly limit: number;
  readonly cursor?: string;
}

export interface ActiveTokenView {
  readonly jti: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly scope: string;
  readonly sourceIp: string;
}

interface CredentialRow extends CredentialFieldColumns {
  readonly client_id: string;
  readonly created_position: number;
  readonly status: 'active' | 'revoked';
  readonly created_at: string;
  readonly updated_at: string;
  readonly revoked_at: string | null;
  readonly last_used_at: string | null;
  readonly revision: number;
}

interface SecretRow {
  readonly client_id: string;
  readonly secret_id: string;
  readonly hint: string;
  readonly created_at: string;
  readonly expires_at: string;
  readonly deleted_at: string | null;
  readonly last_used_at: string | null;
}

const DAY_MS = 86_400_000;

function secretView(row: SecretRow, now: Date): SecretView {
  const deletedAt = row.deleted_at === null ? null : epochFromIso(row.deleted_at);
  return {
    secretId: row.secret_id,
    hint: row.hint,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: secretStatus({ deletedAt, expiresAt: epochFromIso(row.expires_at) }, now),
    lastUsedAt: row.last_used_at,
  };
}

export class CredentialReader {
  private readonly selectOne: Database.Statement<[string], CredentialRow>;
  private readonly selectTokens: Database.Statement<[string, string], ActiveTokenView>;

  constructor(private readonly db: Database.Database) {
    this.selectOne = db.prepare<[string], CredentialRow>('SELECT * FROM credentials WHERE client_id = ?');
    this.selectTokens = db.prepare<[string, string], ActiveTokenView>(
      `SELECT jti, issued_at AS issuedAt, expires_at AS expiresAt, scope, source_ip AS sourceIp
       FROM tokens t JOIN credentials c USING (client_id)
       WHERE t.client_id = ? AND c.status = 'active' AND t.revoked_at IS NULL AND t.expires_at > ?
       ORDER BY t.issued_at, t.jti`,
    );
  }

  /** The credential's accounts, or null when the read models do not know it. */
  accountsOf(clientId: string): readonly string[] | null {
    const row = this.selectOne.get(clientId);
    return row ? (JSON.parse(row.accounts) as string[]) : null;
  }

  get(clientId: string, now: Date): CredentialView | null {
    const row = this.selectOne.get(clientId);
    return row ? this.views([row], now)[0] : null;
  }

  list(filter: CredentialFilter, now: Date): Page<CredentialView> {
    const nowIso = now.toISOString();
    const before = decodeCursor(filter.cursor);
    const conditions: (SqlCondition | null)[] = [
      reachSqlCondition('c.accounts', filter.reach),
      before === null ? null : { sql: 'c.created_position < ?', params: [before] },
      filter.account === undefined
        ? null
        : {
            sql: 'c.client_id IN (SELECT client_id FROM credential_accounts WHERE account = ?)',
            params: [filter.account],
          },
      filter.status === undefined ? null : { sql: 'c.status = ?', params: [filter.status] },
      filter.environment === undefined ? null : { sql: 'c.environment = ?', params: [filter.environment] },
      filter.expiringWithinDays === undefined
        ? null
        : {
            sql: `c.status = 'active' AND EXISTS (SELECT 1 FROM secrets s WHERE s.client_id = c.client_id
                    AND s.deleted_at IS NULL AND s.expires_at > ? AND s.expires_at <= ?)`,
            params: [nowIso, new Date(now.getTime() + filter.expiringWithinDays * DAY_MS).toISOString()],
          },
    ];
    const where = whereClause(conditions);
    const rows = this.db
      .prepare<
        unknown[],
        CredentialRow
      >(`SELECT c.* FROM credentials c ${where.sql} ORDER BY c.created_position DESC LIMIT ?`)
      .all(...where.params, filter.limit + 1);
    const page = toPage(
      rows,
      filter.limit,
      (row) => row.created_position,
      (row) => row,
    );
    return { items: this.views(page.items, now), nextCursor: page.nextCursor };
  }

  activeTokens(clientId: string, now: Date): ActiveTokenView[] {
    return this.selectTokens.all(clientId, now.toISOString());
  }

  /** Views for a page of rows, with two queries for all their secrets and live-token counts. */
  private views(rows: readonly CredentialRow[], now: Date): CredentialView[] {
    if (rows.length === 0) return [];
    const nowIso = now.toISOString();
    const ids = JSON.stringify(rows.map((row) => row.client_id));
    const secrets = this.db
      .prepare<
        [string],
        SecretRow
      >(`SELECT * FROM secrets WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, secret_id`)
      .all(ids);
    const counts = this.db
      .prepare<[string, string], { client_id: string; live: number }>(
        `SELECT client_id, COUNT(*) AS live FROM tokens
         WHERE client_id IN (SELECT value FROM json_each(?)) AND revoked_at IS NULL AND expires_at > ?
         GROUP BY client_id`,
      )
      .all(ids, nowIso);
    const liveTokens = new Map(counts.map((count) => [count.client_id, count.live]));
    return rows.map((row) => ({
      clientId: row.client_id,
      name: row.name,
      description: row.description,
      environment: row.environment,
      accounts: JSON.parse(row.accounts) as string[],
      roles: JSON.parse(row.roles) as string[],
      apis: JSON.parse(row.apis) as string[],
      allowedIps: JSON.parse(row.allowed_ips) as string[],
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      revokedAt: row.revoked_at,
      lastUsedAt: row.last_used_at,
      secrets: secrets
        .filter((secret) => secret.client_id === row.client_id)
        .map((secret) => secretView(secret, now)),
      activeTokenCount: row.status === 'active' ? (liveTokens.get(row.client_id) ?? 0) : 0,
      revision: row.revision,
    }));
  }
}
