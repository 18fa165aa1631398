/** Appends chained entries to the audit log table, and its account index. */
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../audit/audit-entry';

export class AuditLogWriter {
  private readonly insertEntry: Database.Statement<unknown[]>;
  private readonly insertAccount: Database.Statement<[string, number]>;

  constructor(db: Database.Database) {
    this.insertEntry = db.prepare(
      `INSERT INTO audit_log (position, occurred_at, action, client_id, accounts, actor_type, actor_id,
         on_behalf_of, source_ip, request_id, outcome, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertAccount = db.prepare('INSERT OR IGNORE INTO audit_accounts (account, position) VALUES (?, ?)');
  }

  append(entry: AuditEntry): void {
    this.insertEntry.run(
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
    );
    for (const account of entry.accounts) this.insertAccount.run(account, entry.position);
  }
}
