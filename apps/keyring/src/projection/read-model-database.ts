/** Opens the read-model SQLite file with the settings every reader and the projector share. */
import Database from 'better-sqlite3';
import { preparePrivateFile } from '@keyring/event-store';
import { prepareReadModelSchema } from './read-model-schema';

export interface ReadModelDatabaseOptions {
  readonly file: string;
  readonly busyTimeoutMs?: number;
}

export function openReadModelDatabase(options: ReadModelDatabaseOptions): Database.Database {
  preparePrivateFile(options.file);
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL: a power cut may lose the newest projected batches, never corrupt them; the checkpoint is lost
    // with them, so the projector applies those events again. Nothing here is the source of truth.
    db.pragma('synchronous = NORMAL');
    db.pragma('temp_store = MEMORY');
    // Projection touches index pages all over the file (per-client audit index, tokens by client); with
    // SQLite's default 2 MB page cache most of those touches become reads.
    db.pragma('cache_size = -65536');
    // As in the event store: checkpoint the WAL less often, so each hot index page is copied once, not many times.
    db.pragma('wal_autocheckpoint = 10000');
    prepareReadModelSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
