/** Appends chained entries to the audit log table, and its account index, in bulk. */
import type Database from 'better-sqlite3';
import type { AuditEntry } from './audit-entry';
import { BulkInsert } from '../bulk-insert';

/** An audit row already holds this position: someone wrote to the log by hand. */
export class AuditPositionTakenError extends Error {
  constructor(readonly position: number) {
    super(
      `The audit log already holds an entry at position ${position}, which the projector did not write. ` +
        'Run "audit verify" to see what was changed, then "projections rebuild" to restore the log',
    );
    this.name = 'AuditPositionTakenError';
  }
}

export class AuditLogWriter {
  private readonly entries: BulkInsert;
  private readonly accounts: BulkInsert;
  private readonly selectTaken: Database.Statement<[string], number>;

  constructor(db: Database.Database) {
    this.entries = new BulkInsert(
      db,
      `INSERT INTO audit_log (position, occurred_at, action, client_id, accounts, actor_type, actor_id,
         on_behalf_of, source_ip, request_id, outcome, details, prev_hash, hash)`,
      14,
      (error, rows) => {
        if (!isPrimaryKeyViolation(error)) return error;
        const positions = JSON.stringify(rows.map((row) => row[0]));
        return new AuditPositionTakenError(this.selectTaken.get(positions) ?? Number.NaN);
      },
    );
    this.accounts = new BulkInsert(db, 'INSERT OR IGNORE INTO audit_accounts (account, position)', 2);
    this.selectTaken = db
      .prepare<
        [string],
        number
      >('SELECT MIN(position) FROM audit_log WHERE position IN (SELECT value FROM json_each(?))')
      .pluck();
  }

  append(entry: AuditEntry): void {
    this.entries.add([
      entry.position,
      entry.occurredAt,
      entry.action,
      entry.clientId,
      JSON.stringify(entry.accounts),
      entry.actor.type,
      entry.actor.id,
      entry.onBehalfOf,
      entry.sourceIp,
      entry.requestId,
      entry.outcome,
      JSON.stringify(entry.details),
      entry.prevHash,
      entry.hash,
    ]);
    for (const account of entry.accounts) this.accounts.add([account, entry.position]);
  }

  /** Writes what is waiting; call before the transaction commits. */
  flush(): void {
    this.entries.flush();
    this.accounts.flush();
  }

  discard(): void {
    this.entries.discard();
    this.accounts.discard();
  }
}

// Matched by code: see the same note in the event store's batch writer.
function isPrimaryKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
