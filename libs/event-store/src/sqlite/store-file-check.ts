/**
 * What the event-store file is, asked before anything is written to it:
 * switching to WAL or running a migration would change another
 * application's database, or a damaged one, for good. A file that is not a
 * Keyring event store of this or an older schema is refused untouched.
 */
import type Database from 'better-sqlite3';
import { EventStoreFileError } from '../errors';

/** `PRAGMA application_id` of every Keyring event store: "KRNG". */
export const KEYRING_APPLICATION_ID = 0x4b524e47;
const KEYRING_TABLES = ['events', 'streams'];
const MOVE_ASIDE =
  'Point SQLITE_FILE (or DATA_DIR) at the Keyring event store, or move this file away to start an empty store';

export interface StoreFileCheckOptions {
  /** Also run `PRAGMA quick_check` (reads every page: about a second per few hundred MB). */
  readonly quickCheck: boolean;
}

/** Throws `EventStoreFileError` unless the open file is empty or a Keyring store this build can use. */
export function checkStoreFile(
  db: Database.Database,
  currentSchemaVersion: number,
  options: StoreFileCheckOptions,
): void {
  const file = db.name;
  let tables: string[];
  let version: number;
  let applicationId: number;
  try {
    tables = db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all();
    version = db.pragma('user_version', { simple: true }) as number;
    applicationId = db.pragma('application_id', { simple: true }) as number;
  } catch (error) {
    throw unreadable(file, error);
  }
  const empty = tables.length === 0 && version === 0 && applicationId === 0;
  if (empty) return;
  // A newer Keyring may have changed the tables, so its version is asked before they are.
  const keyringOrUnmarked = applicationId === KEYRING_APPLICATION_ID || applicationId === 0;
  if (keyringOrUnmarked && version > currentSchemaVersion) {
    throw new EventStoreFileError(
      file,
      'newer-schema',
      `has schema version ${version}, newer than this build's ${currentSchemaVersion}`,
      'Upgrade: run a newer Keyring against it (an older build cannot read it safely)',
    );
  }
  // Stores made before the application id was set are known by their schema.
  const ours =
    applicationId === KEYRING_APPLICATION_ID ||
    (applicationId === 0 && version >= 1 && KEYRING_TABLES.every((table) => tables.includes(table)));
  if (!ours) {
    throw new EventStoreFileError(
      file,
      'foreign',
      `is a SQLite database but not a Keyring event store (application id ${applicationId}, ` +
        `tables: ${tables.join(', ') || 'none'})`,
      MOVE_ASIDE,
    );
  }
  if (options.quickCheck) {
    let problems: string[];
    try {
      problems = db.prepare<[], string>('PRAGMA quick_check(5)').pluck().all();
    } catch (error) {
      throw unreadable(file, error);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') throw corrupt(file, problems.join('; '));
  }
}

function unreadable(file: string, error: unknown): EventStoreFileError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') {
    return new EventStoreFileError(
      file,
      'not-a-database',
      `is not a SQLite database (${message})`,
      MOVE_ASIDE,
    );
  }
  return corrupt(file, message);
}

const corrupt = (file: string, findings: string): EventStoreFileError =>
  new EventStoreFileError(
    file,
    'corrupt',
    `fails SQLite's integrity check (${findings})`,
    'Stop every process using it, keep a copy for investigation, and restore the file from a backup ' +
      '(or salvage it with `sqlite3 <file> .recover` into a new file and point SQLITE_FILE at that)',
  );
