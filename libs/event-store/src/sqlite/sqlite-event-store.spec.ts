import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EventStoreClosedError } from '../errors';
import { eventStoreContract } from '../event-store.contract';
import { NO_STREAM, type NewEvent } from '../event-store.port';
import { CURRENT_SCHEMA_VERSION } from './schema-migrations';
import { SqliteEventStore } from './sqlite-event-store';
import { temporaryStoreFiles } from './testing/temporary-store-files';

const files = temporaryStoreFiles();

eventStoreContract('SQLite', {
  open: async () => SqliteEventStore.open({ file: files.next() }),
  reopen: async (store) => {
    const { file } = store as SqliteEventStore;
    await store.close();
    return SqliteEventStore.open({ file });
  },
});

const event = (data: unknown = {}): NewEvent => ({ id: randomUUID(), type: 'Happened', data, metadata: {} });

describe('SQLite event store: the file', () => {
  it('runs in WAL mode with FULL durability unless told otherwise, syncing the WAL itself', async () => {
    const store = SqliteEventStore.open({ file: files.next() });
    const relaxed = SqliteEventStore.open({ file: files.next(), synchronous: 'NORMAL', busyTimeoutMs: 250 });

    expect(store.connectionSettings()).toEqual({
      journalMode: 'wal',
      // SQLite does not sync inside COMMIT; the store syncs the WAL off the event loop before answering.
      synchronous: 'NORMAL',
      durability: 'FULL',
      busyTimeoutMs: 5000,
      walAutocheckpointPages: 10_000,
    });
    expect(relaxed.connectionSettings()).toMatchObject({
      synchronous: 'NORMAL',
      durability: 'NORMAL',
      busyTimeoutMs: 250,
    });
    await Promise.all([store.close(), relaxed.close()]);
  });

  it('answers an append only once the WAL holding it is synced, one sync serving many appends', async () => {
    const store = SqliteEventStore.open({ file: files.next() });
    const syncsWhenAnswered = await store
      .append('first', [event()], NO_STREAM)
      .then(() => store.stats().walSyncs);
    expect(syncsWhenAnswered).toBeGreaterThanOrEqual(1);

    const before = store.stats();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append(`stream-${i}`, [event()], NO_STREAM)),
    );
    const after = store.stats();
    const syncs = after.walSyncs - before.walSyncs;
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThanOrEqual(after.transactions - before.transactions);
    await store.close();

    const relaxed = SqliteEventStore.open({ file: files.next(), synchronous: 'NORMAL' });
    await relaxed.append('relaxed', [event()], NO_STREAM);
    expect(relaxed.stats().walSyncs).toBe(0);
    await relaxed.close();
  });

  it('creates missing parent directories', async () => {
    const file = join(files.directory, 'nested', 'deeper', 'events.sqlite');
    const store = SqliteEventStore.open({ file });

    await store.append('nested-stream', [event()], NO_STREAM);

    expect(store.file).toBe(file);
    await store.close();
  });

  it('records its schema version and enforces one event per (stream, revision)', async () => {
    const file = files.next();
    await SqliteEventStore.open({ file }).close();
    const db = new Database(file);

    const uniqueIndexes = (db.pragma('index_list(events)') as { name: string; unique: number }[])
      .filter((index) => index.unique === 1)
      .map((index) =>
        (db.pragma(`index_info(${index.name})`) as { name: string }[]).map((column) => column.name),
      );

    expect(db.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA_VERSION);
    expect(uniqueIndexes).toContainEqual(['stream', 'revision']);
    expect(uniqueIndexes).toContainEqual(['id']);
    db.close();
  });

  it('refuses a file written by a newer schema, saying what to do', () => {
    const file = files.next();
    const db = new Database(file);
    db.pragma(`user_version = ${CURRENT_SCHEMA_VERSION + 1}`);
    db.close();

    expect(() => SqliteEventStore.open({ file })).toThrow(/newer than this build's .*run a newer Keyring/);
  });

  it('starts empty, at head position 0', async () => {
    const store = SqliteEventStore.open({ file: files.next() });

    expect(await store.headPosition()).toBe(0);
    expect(await store.readStream('anything')).toEqual([]);
    await store.close();
  });
});

describe('SQLite event store: reading every event in pages', () => {
  it('reads across page boundaries without losing or repeating an event', async () => {
    const store = SqliteEventStore.open({ file: files.next(), readAllPageSize: 2 });
    await store.append('paged', [event(), event(), event(), event(), event()], NO_STREAM);

    const read = async (options: { after?: number; limit?: number }) => {
      const positions: number[] = [];
      for await (const recorded of store.readAll(options)) positions.push(recorded.position);
      return positions;
    };

    expect(await read({})).toEqual([1, 2, 3, 4, 5]);
    expect(await read({ after: 1, limit: 3 })).toEqual([2, 3, 4]);
    expect(await read({ after: 5 })).toEqual([]);
    await store.close();
  });

  it('gives the event loop a turn between pages, so a long read does not stall other work', async () => {
    const store = SqliteEventStore.open({ file: files.next(), readAllPageSize: 2 });
    await store.append('long', [event(), event(), event(), event(), event()], NO_STREAM);
    const order: string[] = [];
    setImmediate(() => order.push('other work'));

    for await (const recorded of store.readAll()) order.push(`event ${recorded.position}`);

    expect(order.indexOf('other work')).toBeGreaterThan(0);
    expect(order.indexOf('other work')).toBeLessThan(order.length - 1);
    await store.close();
  });
});

describe('SQLite event store: append listeners', () => {
  // The contract allows adapters that follow a shared log to hear other writers too; this one hears only its own.
  it('hears exactly the appends made through this store, once each, and none refused or after stopping', async () => {
    const store = SqliteEventStore.open({ file: files.next() });
    const heard: number[] = [];
    const stop = store.onAppended((position) => heard.push(position));

    const first = await store.append('listened', [event(), event()], NO_STREAM);
    await expect(store.append('listened', [event()], NO_STREAM)).rejects.toThrow();
    stop();
    await store.append('listened', [event()], first.nextExpectedRevision);

    expect(heard).toEqual([first.position]);
    await store.close();
  });
});

describe('SQLite event store: retried appends', () => {
  it('answers a retry in the same batch as its first attempt, writing its events once', async () => {
    const store = SqliteEventStore.open({ file: files.next() });
    const events = [event(), event()];

    const [first, retried] = await Promise.all([
      store.append('retried', events, NO_STREAM),
      store.append('retried', events, NO_STREAM),
    ]);

    expect(retried).toEqual(first);
    expect(store.stats()).toMatchObject({
      transactions: 1,
      acceptedRequests: 1,
      repeatedRequests: 1,
      eventsAppended: 2,
    });
    await store.close();
  });

  it('refuses events whose ids are stored elsewhere or at other revisions', async () => {
    const store = SqliteEventStore.open({ file: files.next() });
    const stored = [event(), event()];
    await store.append('original', stored, NO_STREAM);

    await expect(store.append('other-stream', stored, NO_STREAM)).rejects.toMatchObject({
      code: 'DUPLICATE_EVENT_ID',
    });
    await expect(store.append('original', [stored[1], stored[0]], NO_STREAM)).rejects.toMatchObject({
      expected: NO_STREAM,
      actual: 1,
    });
    await expect(store.append('original', stored, 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
    expect(await store.readStream('original')).toHaveLength(2);
    await store.close();
  });
});

describe('SQLite event store: closing', () => {
  it('commits appends still queued before closing the file', async () => {
    const file = files.next();
    const store = SqliteEventStore.open({ file });

    const queued = store.append('closing', [event(), event()], NO_STREAM);
    await store.close();

    await expect(queued).resolves.toMatchObject({ nextExpectedRevision: 1 });
    const reopened = SqliteEventStore.open({ file });
    expect(await reopened.readStream('closing')).toHaveLength(2);
    await reopened.close();
  });

  it('refuses appends, reads and pings after close with a clear error', async () => {
    const store = SqliteEventStore.open({ file: files.next() });
    await store.close();

    await expect(store.append('late', [event()], NO_STREAM)).rejects.toBeInstanceOf(EventStoreClosedError);
    await expect(store.readStream('late')).rejects.toThrow('The event store is closed');
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreClosedError);
    expect(() => store.readAll()).toThrow(EventStoreClosedError);
    await expect(store.close()).resolves.toBeUndefined();
  });
});
