/**
 * The projection against real SQLite files: the read models agree with the
 * domain's own fold, a rebuild equals the incrementally built result, and
 * the checkpoint moves in the same transaction as the rows it covers.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { credentialStreamName, type ExistingCredential, fold } from '@keyring/domain';
import { type EventStore, type RecordedEvent, SqliteEventStore } from '@keyring/event-store';
import { temporaryStoreFiles } from '@keyring/event-store/sqlite/testing/temporary-store-files';
import { GENESIS_HASH, hashAuditEntry } from './audit-log/audit-entry';
import { auditEntryFromRow, type AuditRow } from './audit-log/audit-log-reader';
import { toCredentialView } from './credentials/credential.view';
import { fromRecordedEvent } from '../credential-store/event-envelope';
import { CredentialReader } from './credentials/credential-reader';
import { openReadModelDatabase } from './read-model-database';
import { ReadModelProjection } from './read-model-projection';
import { rebuildProjections } from './rebuild-projections';
import { alignWithStore } from './align-with-store';
import { appendHistories, HISTORY_START } from './testing/credential-histories';
import { dumpReadModels } from './testing/read-model-dump';

const files = temporaryStoreFiles();

async function readAll(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** Applies the log in uneven batches, as a live projector following appends would. */
function projectIncrementally(db: Database.Database, events: readonly RecordedEvent[]): void {
  const projection = new ReadModelProjection(db);
  for (let start = 0, size = 1; start < events.length; start += size, size = (size % 7) + 1) {
    const applied = projection.apply(events.slice(start, start + size), projection.checkpoint().position);
    expect(applied).not.toBeNull();
  }
}

describe('projecting credential events into the read models', () => {
  let store: SqliteEventStore;
  let clientIds: string[];
  let events: RecordedEvent[];
  const dbs: Database.Database[] = [];
  const openDb = (name: string) => {
    const db = openReadModelDatabase({ file: join(files.directory, `${name}-${dbs.length}.sqlite`) });
    dbs.push(db);
    return db;
  };

  beforeAll(async () => {
    store = SqliteEventStore.open({ file: files.next('events') });
    clientIds = await appendHistories(store, 12);
    events = await readAll(store);
  });
  afterAll(async () => {
    for (const db of dbs) db.close();
    await store.close();
  });

  it('shows each credential as the domain folds it from its own stream', async () => {
    const db = openDb('incremental');
    projectIncrementally(db, events);
    const reader = new CredentialReader(db);
    const now = new Date(HISTORY_START.getTime() + 100 * 60_000);

    for (const clientId of clientIds) {
      const stream = await store.readStream(credentialStreamName(clientId));
      const state = fold(stream.map(fromRecordedEvent)) as ExistingCredential;
      const expected = toCredentialView(state, stream[stream.length - 1].revision, now);
      expect(reader.get(clientId, now)).toEqual(expected);
    }
  });

  it('rebuilds from zero to exactly what incremental projection built, and again after a rebuild', async () => {
    const incremental = openDb('incremental');
    projectIncrementally(incremental, events);
    const rebuilt = openDb('rebuilt');
    const progress: number[] = [];

    await rebuildProjections(store, rebuilt, ({ done }) => progress.push(done));
    expect(dumpReadModels(rebuilt)).toEqual(dumpReadModels(incremental));
    expect(progress[progress.length - 1]).toBe(events.length);

    await rebuildProjections(store, incremental);
    expect(dumpReadModels(incremental)).toEqual(dumpReadModels(rebuilt));
  });

  it('rebuilds read models that are ahead of their store, and leaves others alone', async () => {
    const ahead = openDb('ahead');
    projectIncrementally(ahead, events);
    // A store that lost its newest events (or another store altogether): fewer events than projected.
    const shorter = SqliteEventStore.open({ file: files.next('shorter') });
    await appendHistories(shorter, 2);
    const shorterEvents = await readAll(shorter);
    expect(shorterEvents.length).toBeLessThan(events.length);

    await expect(alignWithStore(shorter, ahead)).resolves.toEqual({
      checkpoint: events[events.length - 1].position,
      head: shorterEvents[shorterEvents.length - 1].position,
    });
    const fresh = openDb('fresh');
    await rebuildProjections(shorter, fresh);
    expect(dumpReadModels(ahead)).toEqual(dumpReadModels(fresh));

    await expect(alignWithStore(shorter, ahead)).resolves.toBeNull();
    await expect(alignWithStore(store, ahead)).resolves.toBeNull();
    await shorter.close();
  });

  it('writes one audit entry per event, each linked to the one before', () => {
    const db = openDb('chain');
    projectIncrementally(db, events);
    const rows = db.prepare('SELECT position, prev_hash, hash FROM audit_log ORDER BY position').all() as {
      position: number;
      prev_hash: string;
      hash: string;
    }[];

    expect(rows.map((row) => row.position)).toEqual(events.map((event) => event.position));
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((row, index) => expect(row.prev_hash).toBe(rows[index].hash));
    // Each stored hash is what the general canonicaliser gives for the row: every event type, every field.
    const stored = db.prepare('SELECT * FROM audit_log ORDER BY position').all() as AuditRow[];
    for (const row of stored) expect(hashAuditEntry(auditEntryFromRow(row))).toBe(row.hash);
    expect(new ReadModelProjection(db).checkpoint()).toEqual({
      position: events[events.length - 1].position,
      auditHeadHash: rows[rows.length - 1].hash,
      eventsApplied: events.length,
    });
  });

  it('refuses a batch that does not follow the checkpoint and writes nothing, so no event is applied twice', () => {
    const db = openDb('stale');
    const projection = new ReadModelProjection(db);
    projection.apply(events.slice(0, 5), 0);
    const before = dumpReadModels(db);

    expect(projection.apply(events.slice(0, 5), 0)).toBeNull();
    expect(projection.apply(events.slice(3, 8), events[2].position)).toBeNull();
    expect(dumpReadModels(db)).toEqual(before);
  });

  it('lets two projectors on one file share the work without applying an event twice', () => {
    const file = join(files.directory, 'shared.sqlite');
    const first = openReadModelDatabase({ file });
    const second = openReadModelDatabase({ file });
    dbs.push(first, second);
    const projectors = [new ReadModelProjection(first), new ReadModelProjection(second)];
    // Both read the same checkpoint, then race to apply overlapping batches.
    for (let start = 0; start < events.length; start += 4) {
      const from = projectors[0].checkpoint().position;
      const batch = events.filter((event) => event.position > from).slice(0, 4);
      const results = projectors.map((projector) => projector.apply(batch, from));
      expect(results.filter((result) => result !== null)).toHaveLength(batch.length === 0 ? 2 : 1);
    }
    const reference = openDb('reference');
    projectIncrementally(reference, events);
    expect(dumpReadModels(first)).toEqual(dumpReadModels(reference));
  });
});
