/** Reads the stored audit log: filtered pages for people, and the whole log in order for export and verify. */
import type Database from 'better-sqlite3';
import type { AuditAction, AuditEntry, AuditOutcome } from './audit-entry';
import type { AccountReach } from '@keyring/domain';
import type { Actor } from '../../platform/context/command-context';
import { decodeCursor, type Page, toPage } from '../../platform/pagination/page-cursor';
import { reachSqlCondition, type SqlCondition } from '../../credential-store/caller-reach';
import { whereClause } from '../where-clause';

export interface AuditFilter {
  readonly reach: AccountReach;
  readonly account?: string;
  readonly clientId?: string;
  /** The acting client's id, or the CLI operator's name. */
  readonly actor?: string;
  readonly action?: AuditAction;
  /** Entries that occurred at or after this instant (ISO-8601). */
  readonly from?: string;
  /** Entries that occurred before this instant (ISO-8601). */
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface AuditRow {
  readonly position: number;
  readonly occurred_at: string;
  readonly action: string;
  readonly client_id: string;
  readonly accounts: string;
  readonly actor_type: string;
  readonly actor_id: string | null;
  readonly on_behalf_of: string | null;
  readonly source_ip: string | null;
  readonly request_id: string | null;
  readonly outcome: string;
  readonly details: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** A stored row as an entry. Values are taken as stored, so a tampered row reads as what it now says. */
export function auditEntryFromRow(row: AuditRow): AuditEntry {
  return {
    position: row.position,
    occurredAt: row.occurred_at,
    action: row.action as AuditAction,
    clientId: row.client_id,
    accounts: JSON.parse(row.accounts) as string[],
    actor: { type: row.actor_type as Actor['type'], id: row.actor_id },
    onBehalfOf: row.on_behalf_of,
    sourceIp: row.source_ip,
    requestId: row.request_id,
    outcome: row.outcome as AuditOutcome,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const READ_CHUNK = 1000;

export class AuditLogReader {
  private readonly selectChunk: Database.Statement<[number, number, number], AuditRow>;

  constructor(private readonly db: Database.Database) {
    this.selectChunk = db.prepare<[number, number, number], AuditRow>(
      'SELECT * FROM audit_log WHERE position > ? AND position <= ? ORDER BY position LIMIT ?',
    );
  }

  /** Newest first, one page. */
  /**
   * Whether `clientId` ever issued the token `jti`, however long ago: the credential's state keeps only
   * recent tokens. Walks that credential's entries only (rare: an administrator revoking by jti).
   */
  wasTokenIssued(clientId: string, jti: string): boolean {
    const row = this.db
      .prepare(
        "SELECT 1 FROM audit_log WHERE client_id = ? AND action = 'token.issued' AND json_extract(details, '$.jti') = ? LIMIT 1",
      )
      .get(clientId, jti);
    return row !== undefined;
  }

  query(filter: AuditFilter): Page<AuditEntry> {
    const before = decodeCursor(filter.cursor);
    // Filtering by account walks that account's index backwards, so a page costs its own size only.
    const byAccount = filter.account !== undefined;
    const position = byAccount ? 'x.position' : 'a.position';
    const equals = (column: string, value: string | undefined): SqlCondition | null =>
      value === undefined ? null : { sql: `${column} = ?`, params: [value] };
    const where = whereClause([
      equals('x.account', filter.account),
      reachSqlCondition('a.accounts', filter.reach),
      before === null ? null : { sql: `${position} < ?`, params: [before] },
      equals('a.client_id', filter.clientId),
      equals('a.actor_id', filter.actor),
      equals('a.action', filter.action),
      filter.from === undefined ? null : { sql: 'a.occurred_at >= ?', params: [filter.from] },
      filter.to === undefined ? null : { sql: 'a.occurred_at < ?', params: [filter.to] },
    ]);
    const from = byAccount ? 'audit_accounts x JOIN audit_log a ON a.position = x.position' : 'audit_log a';
    const rows = this.db
      .prepare<unknown[], AuditRow>(`SELECT a.* FROM ${from} ${where.sql} ORDER BY ${position} DESC LIMIT ?`)
      .all(...where.params, filter.limit + 1);
    return toPage(rows, filter.limit, (row) => row.position, auditEntryFromRow);
  }

  /**
   * The next entries after `after`, oldest first, within reach and of the
   * given actions (all when none): a follower's page.
   */
  entriesAfter(
    after: number,
    filter: { readonly reach: AccountReach; readonly actions?: readonly AuditAction[] },
    limit: number,
  ): AuditEntry[] {
    const actions = filter.actions ?? [];
    const where = whereClause([
      { sql: 'a.position > ?', params: [after] },
      actions.length === 0
        ? null
        : { sql: `a.action IN (${actions.map(() => '?').join(', ')})`, params: actions },
      reachSqlCondition('a.accounts', filter.reach),
    ]);
    return this.db
      .prepare<unknown[], AuditRow>(`SELECT a.* FROM audit_log a ${where.sql} ORDER BY a.position LIMIT ?`)
      .all(...where.params, limit)
      .map(auditEntryFromRow);
  }

  /**
   * Every stored row after `after` up to `through`, oldest first, read in
   * chunks so memory stays flat however long the log is. Rows, not entries:
   * the verifier must see exactly what is stored.
   */
  *rows(after = 0, through = Number.MAX_SAFE_INTEGER): Generator<AuditRow> {
    let position = after;
    for (;;) {
      const chunk = this.selectChunk.all(position, through, READ_CHUNK);
      if (chunk.length === 0) return;
      yield* chunk;
      position = chunk[chunk.length - 1].position;
    }
  }
}
