/**
 * Credential snapshots in a SQLite file of their own (WAL, synchronous
 * NORMAL: a power loss may cost the newest snapshots, never the file). Every
 * failure is swallowed after a warning: snapshots only ever save time.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { CREDENTIAL_STATE_VERSION, type ExistingCredential } from '@keyring/domain';
import type { CredentialSnapshot, CredentialSnapshots } from './credential-snapshots';
import { discardDerivedFileIfDamaged } from '../../platform/persistence/derived-file-check';

interface SnapshotRow {
  readonly revision: number;
  readonly event_id: string;
  readonly state: string;
}

/** Another process (the CLI) may hold the lock a moment; a snapshot is not worth waiting longer. */
const BUSY_TIMEOUT_MS = 50;

export class SqliteCredentialSnapshots implements CredentialSnapshots {
  private readonly logger = new Logger(SqliteCredentialSnapshots.name);
  private readonly select: Database.Statement<[string, number], SnapshotRow>;
  private readonly upsert: Database.Statement<[string, number, number, string, string]>;
  private warned = false;

  private constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS snapshots (
      client_id TEXT PRIMARY KEY,
      state_version INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      state TEXT NOT NULL
    )`);
    this.select = db.prepare(
      'SELECT revision, event_id, state FROM snapshots WHERE client_id = ? AND state_version = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO snapshots (client_id, state_version, revision, event_id, state) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (client_id) DO UPDATE SET state_version = excluded.state_version,
         revision = excluded.revision, event_id = excluded.event_id, state = excluded.state
       WHERE excluded.revision > snapshots.revision OR excluded.state_version <> snapshots.state_version`,
    );
  }

  static open(file: string): SqliteCredentialSnapshots {
    mkdirSync(dirname(file), { recursive: true });
    discardDerivedFileIfDamaged(file, 'The snapshot file', new Logger(SqliteCredentialSnapshots.name));
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      return new SqliteCredentialSnapshots(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  load(clientId: string): CredentialSnapshot | null {
    try {
      const row = this.select.get(clientId, CREDENTIAL_STATE_VERSION);
      if (!row) return null;
      return {
        state: JSON.parse(row.state) as ExistingCredential,
        revision: row.revision,
        eventId: row.event_id,
      };
    } catch (error) {
      this.warnOnce('read', error);
      return null;
    }
  }

  save(clientId: string, snapshot: CredentialSnapshot): void {
    try {
      this.upsert.run(
        clientId,
        CREDENTIAL_STATE_VERSION,
        snapshot.revision,
        snapshot.eventId,
        JSON.stringify(snapshot.state),
      );
    } catch (error) {
      this.warnOnce('written', error);
    }
  }

  close(): void {
    this.db.close();
  }

  private warnOnce(what: 'read' | 'written', error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      `A credential snapshot could not be ${what} (${reason}); loads read whole streams instead`,
    );
  }
}
