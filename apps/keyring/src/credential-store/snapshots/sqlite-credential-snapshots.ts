/**
 * Credential snapshots in a SQLite file of their own (WAL, synchronous
 * NORMAL: a power loss may cost the newest snapshots, never the file). Every
 * failure is swallowed after a warning: snapshots only ever save time. Each
 * row carries a MAC; a row whose MAC fails is ignored, logged and removed.
 */
import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { CREDENTIAL_STATE_VERSION, type ExistingCredential } from '@keyring/domain';
import { preparePrivateFile } from '@keyring/event-store';
import type { CredentialSnapshot, CredentialSnapshots } from './credential-snapshots';
import type { SnapshotMac } from './snapshot-mac';
import { discardDerivedFileIfDamaged } from '../../platform/persistence/derived-file-check';

interface SnapshotRow {
  readonly revision: number;
  readonly event_id: string;
  readonly state: string;
  readonly mac: string | null;
}

/** Another process (the CLI) may hold the lock a moment; a snapshot is not worth waiting longer. */
const BUSY_TIMEOUT_MS = 50;

export class SqliteCredentialSnapshots implements CredentialSnapshots {
  private readonly logger = new Logger(SqliteCredentialSnapshots.name);
  private readonly select: Database.Statement<[string, number], SnapshotRow>;
  private readonly upsert: Database.Statement<[string, number, number, string, string, string]>;
  private readonly remove: Database.Statement<[string, string | null]>;
  private warned = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly mac: SnapshotMac,
  ) {
    // A file from before snapshots carried a MAC holds nothing trustworthy: snapshots are derived, start afresh.
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(snapshots)').all();
    if (columns.length > 0 && !columns.some((column) => column.name === 'mac'))
      db.exec('DROP TABLE snapshots');
    db.exec(`CREATE TABLE IF NOT EXISTS snapshots (
      client_id TEXT PRIMARY KEY,
      state_version INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      state TEXT NOT NULL,
      mac TEXT
    )`);
    this.select = db.prepare(
      'SELECT revision, event_id, state, mac FROM snapshots WHERE client_id = ? AND state_version = ?',
    );
    // A forged row may claim any revision; it is removed when found, so a genuine snapshot can replace it.
    this.upsert = db.prepare(
      `INSERT INTO snapshots (client_id, state_version, revision, event_id, state, mac) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (client_id) DO UPDATE SET state_version = excluded.state_version,
         revision = excluded.revision, event_id = excluded.event_id, state = excluded.state, mac = excluded.mac
       WHERE excluded.revision > snapshots.revision OR excluded.state_version <> snapshots.state_version`,
    );
    this.remove = db.prepare('DELETE FROM snapshots WHERE client_id = ? AND mac IS ?');
  }

  static open(file: string, mac: SnapshotMac): SqliteCredentialSnapshots {
    // A damaged file is derived data: discarded and rebuilt, then created private.
    discardDerivedFileIfDamaged(file, 'The snapshot file', new Logger(SqliteCredentialSnapshots.name));
    preparePrivateFile(file);
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      return new SqliteCredentialSnapshots(db, mac);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  load(clientId: string): CredentialSnapshot | null {
    try {
      const row = this.select.get(clientId, CREDENTIAL_STATE_VERSION);
      if (!row) return null;
      if (!this.mac.verifies(this.sealed(clientId, row.revision, row.event_id, row.state), row.mac)) {
        this.logger.warn(
          { clientId, revision: row.revision },
          'A credential snapshot failed its MAC check and was ignored (removed); the stream is read whole. ' +
            'Someone other than this service may have written to the snapshot file',
        );
        this.remove.run(clientId, row.mac);
        return null;
      }
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
      const state = JSON.stringify(snapshot.state);
      const mac = this.mac.of(this.sealed(clientId, snapshot.revision, snapshot.eventId, state));
      this.upsert.run(clientId, CREDENTIAL_STATE_VERSION, snapshot.revision, snapshot.eventId, state, mac);
    } catch (error) {
      this.warnOnce('written', error);
    }
  }

  close(): void {
    this.db.close();
  }

  private sealed(clientId: string, revision: number, eventId: string, state: string) {
    return { clientId, stateVersion: CREDENTIAL_STATE_VERSION, revision, eventId, state };
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
