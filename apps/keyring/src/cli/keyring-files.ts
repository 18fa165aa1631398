/**
 * Opens the service's files for a CLI command and closes them afterwards.
 * The commands work on the files directly, no application needed, and are
 * safe beside a running service (SQLite WAL, checkpointed projection).
 * A missing file is refused rather than created: it almost always means
 * DATA_DIR points somewhere else, and an empty log would read as "intact".
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { EventStore } from '@keyring/event-store';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { openEventStore } from '../platform/persistence/open-event-store';
import { openReadModelDatabase } from '../projection/read-model-database';
import { READ_MODEL_SCHEMA_VERSION } from '../projection/read-model-schema';

export class MissingDataError extends Error {
  constructor(what: string, file: string) {
    super(`No ${what} at ${file}. Set DATA_DIR (and SQLITE_FILE / READ_MODEL_FILE) as for the service`);
    this.name = 'MissingDataError';
  }
}

/** `existing`: read what is there; `any`: a missing or outdated file is (re)made, as a rebuild wants. */
export type ReadModelAccess = 'existing' | 'any';

export async function withEventStore<Result>(
  config: KeyringConfig,
  use: (store: EventStore) => Promise<Result>,
): Promise<Result> {
  const file = config.eventStore.sqliteFile;
  if (config.eventStore.kind === 'sqlite' && !existsSync(file))
    throw new MissingDataError('event store', file);
  const store = await openEventStore(config);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Opening the read models with another schema version drops them (they are
 * rebuilt from events); a command that only reads must not do that.
 */
function assertCurrentSchema(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== READ_MODEL_SCHEMA_VERSION) {
      throw new Error(
        `The read models in ${file} have schema version ${version}, this build expects ` +
          `${READ_MODEL_SCHEMA_VERSION}. Start the service or run "projections rebuild" first`,
      );
    }
  } finally {
    db.close();
  }
}

export async function withReadModels<Result>(
  config: KeyringConfig,
  access: ReadModelAccess,
  use: (db: Database.Database) => Promise<Result>,
): Promise<Result> {
  const file = config.readModels.sqliteFile;
  if (access === 'existing') {
    if (!existsSync(file)) throw new MissingDataError('read-model database', file);
    assertCurrentSchema(file);
  }
  const db = openReadModelDatabase({ file });
  try {
    return await use(db);
  } finally {
    db.close();
  }
}
