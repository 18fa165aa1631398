import Database from 'better-sqlite3';
import { preparePrivateFile } from './private-files';
import { CURRENT_SCHEMA_VERSION, migrateSchema } from './schema-migrations';
import { checkStoreFile } from './store-file-check';

export type SynchronousMode = 'FULL' | 'NORMAL';

export interface SqliteDatabaseSettings {
  readonly file: string;
  readonly synchronous: SynchronousMode;
  readonly busyTimeoutMs: number;
  readonly walAutocheckpointPages: number;
  /** Run SQLite's quick integrity check before using the file (the service does at start; its helpers need not). */
  readonly quickCheck?: boolean;
}

export interface SqliteConnectionSettings {
  readonly journalMode: string;
  readonly synchronous: string;
  readonly busyTimeoutMs: number;
  readonly walAutocheckpointPages: number;
}

/**
 * Opens (creating when missing) the event-store file, with its pragmas set and its schema current. A file
 * that is not a Keyring store this build can use is refused before anything is written to it.
 */
export function openSqliteDatabase(settings: SqliteDatabaseSettings): Database.Database {
  const { file } = settings;
  preparePrivateFile(file);
  const db = new Database(file, { timeout: settings.busyTimeoutMs });
  try {
    checkStoreFile(db, CURRENT_SCHEMA_VERSION, { quickCheck: settings.quickCheck ?? false });
    // WAL lets readers (projections, the audit verifier) run while appends commit.
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal')
      throw new Error(`Event store ${file} could not switch to WAL (got ${journalMode})`);
    db.pragma(`synchronous = ${settings.synchronous}`);
    // Each append touches random index pages, so the WAL fills fast; checkpointing less often
    // copies each hot page once instead of many times, and stalls the event loop less often.
    db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.trunc(settings.walAutocheckpointPages))}`);
    // Savepoint journals stay in memory rather than in temporary files.
    db.pragma('temp_store = MEMORY');
    migrateSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const synchronousNames = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

export function readConnectionSettings(db: Database.Database): SqliteConnectionSettings {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: synchronousNames[db.pragma('synchronous', { simple: true }) as number] ?? 'UNKNOWN',
    busyTimeoutMs: db.pragma('busy_timeout', { simple: true }) as number,
    walAutocheckpointPages: db.pragma('wal_autocheckpoint', { simple: true }) as number,
  };
}
