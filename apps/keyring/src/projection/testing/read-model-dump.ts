/** Every row of every read-model table, in key order: two dumps are equal when the read models are. */
import type Database from 'better-sqlite3';

const TABLE_ORDER: Record<string, string> = {
  checkpoint: 'id',
  credentials: 'client_id',
  credential_accounts: 'account, created_position',
  secrets: 'client_id, secret_id',
  tokens: 'client_id, jti',
  audit_log: 'position',
  audit_accounts: 'account, position',
};

export function dumpReadModels(db: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(TABLE_ORDER).map(([table, order]) => [
      table,
      db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all(),
    ]),
  );
}
