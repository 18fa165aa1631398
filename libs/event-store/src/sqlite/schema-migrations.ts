import type Database from 'better-sqlite3';
import { KEYRING_APPLICATION_ID } from './store-file-check';

/**
 * Schema changes in order; the database's `user_version` pragma records how
 * many have been applied. Append new migrations, never edit shipped ones.
 */
const migrations: ReadonlyArray<(db: Database.Database) => void> = [
  (db) =>
    db.exec(`
      CREATE TABLE events (
        position    INTEGER PRIMARY KEY AUTOINCREMENT,
        stream      TEXT    NOT NULL,
        revision    INTEGER NOT NULL,
        id          TEXT    NOT NULL UNIQUE,
        type        TEXT    NOT NULL,
        data        TEXT    NOT NULL,
        metadata    TEXT    NOT NULL,
        recorded_at TEXT    NOT NULL,
        UNIQUE (stream, revision)
      );
      -- Each stream's last revision, so an append checks its expected revision with one key lookup.
      CREATE TABLE streams (
        stream   TEXT    PRIMARY KEY,
        revision INTEGER NOT NULL
      ) WITHOUT ROWID;
    `),
];

export const CURRENT_SCHEMA_VERSION = migrations.length;

export function migrateSchema(db: Database.Database): void {
  // IMMEDIATE takes the write lock first, so two processes opening a fresh file cannot both migrate it.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > CURRENT_SCHEMA_VERSION) {
      throw new Error(
        `Event store ${db.name} has schema version ${version}, newer than this build's ${CURRENT_SCHEMA_VERSION}; ` +
          'run a newer Keyring against it',
      );
    }
    for (let next = version; next < CURRENT_SCHEMA_VERSION; next++) migrations[next](db);
    db.pragma(`user_version = ${CURRENT_SCHEMA_VERSION}`);
    // Marks the file as Keyring's, so that no other application's database is ever taken for it.
    db.pragma(`application_id = ${KEYRING_APPLICATION_ID}`);
  }).immediate();
}
