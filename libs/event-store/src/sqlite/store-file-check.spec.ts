import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EventStoreFileError } from '../errors';
import { CURRENT_SCHEMA_VERSION } from './schema-migrations';
import { SqliteEventStore } from './sqlite-event-store';
import { KEYRING_APPLICATION_ID } from './store-file-check';
import { damagePageHeader, storeWithEvents } from './testing/damaged-store-files';
import { temporaryStoreFiles } from './testing/temporary-store-files';

const files = temporaryStoreFiles();
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function refusalOf(file: string, quickCheck = true): EventStoreFileError {
  try {
    SqliteEventStore.open({ file, quickCheck });
  } catch (error) {
    if (error instanceof EventStoreFileError) return error;
    throw error;
  }
  throw new Error(`${file} was opened`);
}

describe('SQLite event store: a file that is not a usable Keyring store is refused untouched', () => {
  it('marks its own files with the Keyring application id', async () => {
    const file = files.next();
    await storeWithEvents(file, 1);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(KEYRING_APPLICATION_ID);
    db.close();
  });

  it('refuses a file that is not a SQLite database', () => {
    const file = files.next();
    writeFileSync(file, 'these are not the events you are looking for\n'.repeat(200));
    const before = digest(file);
    const refusal = refusalOf(file);
    expect(refusal.problem).toBe('not-a-database');
    expect(refusal.message).toContain(file);
    expect(refusal.message).toContain('did not change the file');
    expect(digest(file)).toBe(before);
  });

  it("refuses another application's SQLite database", () => {
    const file = files.next();
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const before = digest(file);
    const refusal = refusalOf(file);
    expect(refusal.problem).toBe('foreign');
    expect(refusal.message).toMatch(/not a Keyring event store .*invoices/);
    expect(digest(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a store of a newer schema version', async () => {
    const file = files.next();
    await storeWithEvents(file, 1);
    const newer = new Database(file);
    newer.pragma(`user_version = ${CURRENT_SCHEMA_VERSION + 1}`);
    newer.close();
    const before = digest(file);
    const refusal = refusalOf(file, false);
    expect(refusal.problem).toBe('newer-schema');
    expect(refusal.message).toContain(`schema version ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(digest(file)).toBe(before);
  });

  it('refuses a damaged store when asked to check it', async () => {
    const file = files.next();
    await storeWithEvents(file);
    damagePageHeader(file);
    const before = digest(file);
    const refusal = refusalOf(file);
    expect(refusal.problem).toBe('corrupt');
    expect(refusal.message).toContain("fails SQLite's integrity check");
    expect(refusal.message).toContain('restore the file from a backup');
    expect(digest(file)).toBe(before);
  });

  it('opens a store made before the application id existed, and marks it', async () => {
    const file = files.next();
    await storeWithEvents(file, 3);
    const old = new Database(file);
    old.pragma('application_id = 0');
    old.close();
    const store = SqliteEventStore.open({ file, quickCheck: true });
    expect(await store.headPosition()).toBe(3);
    await store.close();
  });
});
