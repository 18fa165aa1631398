import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { ANY, NO_STREAM, type NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { temporaryStoreFiles } from './testing/temporary-store-files';

const files = temporaryStoreFiles();
const event = (data: unknown = {}): NewEvent => ({ id: randomUUID(), type: 'Happened', data, metadata: {} });

describe('SQLite event store: group commit', () => {
  let store: SqliteEventStore;
  afterEach(() => store.close());

  it('commits appends to 50 streams issued in the same tick in a single transaction', async () => {
    store = SqliteEventStore.open({ file: files.next() });
    const before = store.stats().transactions;

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => store.append(`stream-${index}`, [event()], NO_STREAM)),
    );

    expect(new Set(results.map((result) => result.position)).size).toBe(50);
    expect(store.stats().transactions - before).toBe(1);
    expect(store.stats()).toMatchObject({ acceptedRequests: 50, eventsAppended: 50, largestBatch: 50 });
  });

  it('caps a batch and keeps flushing until the queue is empty', async () => {
    store = SqliteEventStore.open({ file: files.next(), maxBatchSize: 10 });

    await Promise.all(Array.from({ length: 25 }, (_, index) => store.append(`s-${index}`, [event()], ANY)));

    expect(store.stats()).toMatchObject({ transactions: 3, largestBatch: 10, pendingAppends: 0 });
  });

  it('checks each request against the revisions left by earlier requests in the same batch', async () => {
    store = SqliteEventStore.open({ file: files.next() });

    const [first, second, third] = await Promise.allSettled([
      store.append('shared', [event()], NO_STREAM),
      store.append('shared', [event(), event()], 0),
      store.append('shared', [event()], NO_STREAM),
    ]);

    expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0 } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });
    expect(third).toMatchObject({ status: 'rejected', reason: { expected: NO_STREAM, actual: 2 } });
    expect(store.stats().transactions).toBe(1);
  });

  it('refuses only the offending requests of a batch; the rest commit', async () => {
    store = SqliteEventStore.open({ file: files.next() });
    const stored = event();
    await store.append('existing', [stored], NO_STREAM);
    const repeated = event();

    const outcomes = await Promise.allSettled([
      store.append('accepted-1', [event()], NO_STREAM),
      store.append('existing', [event()], NO_STREAM),
      store.append('reuses-stored-id', [event(), { ...stored }], NO_STREAM),
      store.append('repeats-own-id', [repeated, repeated], NO_STREAM),
      store.append('single-event-reusing-id', [{ ...stored }], NO_STREAM),
      store.append('accepted-2', [event()], NO_STREAM),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    const reasons = outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : undefined));
    expect(reasons[1]).toBeInstanceOf(WrongExpectedRevisionError);
    expect(reasons[2]).toEqual(new DuplicateEventIdError('reuses-stored-id', stored.id));
    expect(reasons[3]).toEqual(new DuplicateEventIdError('repeats-own-id', repeated.id));
    expect(reasons[4]).toEqual(new DuplicateEventIdError('single-event-reusing-id', stored.id));
    expect(await store.readStream('reuses-stored-id')).toEqual([]);
    expect(await store.readStream('repeats-own-id')).toEqual([]);
    expect(await store.readStream('single-event-reusing-id')).toEqual([]);
    expect((await store.readStream('accepted-1')).map((recorded) => recorded.revision)).toEqual([0]);
    expect((await store.readStream('accepted-2')).map((recorded) => recorded.revision)).toEqual([0]);
    // A refused stream is still new: its next no_stream append succeeds.
    await expect(store.append('reuses-stored-id', [event()], NO_STREAM)).resolves.toBeDefined();
  });

  it('refuses an event whose data cannot become JSON without touching the rest of the batch', async () => {
    store = SqliteEventStore.open({ file: files.next() });

    const [bad, good] = await Promise.allSettled([
      store.append('bad', [event({ amount: 10n })], NO_STREAM),
      store.append('good', [event()], NO_STREAM),
    ]);

    expect(bad).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
    expect(good.status).toBe('fulfilled');
  });

  it('refuses malformed requests before queueing them', async () => {
    store = SqliteEventStore.open({ file: files.next() });

    await expect(store.append('', [event()], NO_STREAM)).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s', [event()], -1)).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s', [{ ...event(), type: '' }], ANY)).rejects.toBeInstanceOf(
      InvalidAppendError,
    );
  });

  it('rejects every request of a batch whose transaction fails, and recovers afterwards', async () => {
    const file = files.next();
    store = SqliteEventStore.open({ file, busyTimeoutMs: 20 });
    // Another connection holding the write lock makes BEGIN IMMEDIATE fail, as an I/O error would.
    const blocker = new Database(file);
    blocker.exec('BEGIN IMMEDIATE');

    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((stream) => store.append(stream, [event()], NO_STREAM)),
    );
    blocker.exec('ROLLBACK');
    blocker.close();

    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_BUSY' } });
    }
    expect(store.stats()).toMatchObject({ transactions: 0, failedTransactions: 1 });
    expect(await store.readStream('a')).toEqual([]);
    await expect(store.append('a', [event()], NO_STREAM)).resolves.toMatchObject({ nextExpectedRevision: 0 });
  });
});
