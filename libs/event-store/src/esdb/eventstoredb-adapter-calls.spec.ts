/**
 * The calls the EventStoreDB adapter makes, against a scripted stand-in for
 * the client (not a server): cancellation of reads left early, page sizes,
 * paging past system events, `requiresLeader` and deadlines on every call,
 * unknown append outcomes, draining on close and following $all.
 */
import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import {
  AppendOutcomeUnknownError,
  EventStoreClosedError,
  EventStoreTimeoutError,
  WrongExpectedRevisionError,
} from '../errors';
import { NO_STREAM, type NewEvent } from '../event-store.port';
import { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
import { HEAD_PAGE_SIZE } from './head-position';
import { UnsupportedServerVersionError } from './server-version';
import { logRecord, ScriptedEsdbClient, systemRecord } from './testing/scripted-esdb-client';

const event = (): NewEvent => ({ id: randomUUID(), type: 'Happened', data: {}, metadata: {} });

async function openOn(client: ScriptedEsdbClient, options: EventStoreDbOptions = {}, version = '24.10.0.0') {
  const store = await EventStoreDbEventStore.open(client.asClient(), async () => version, options);
  client.calls.length = 0;
  return store;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The client builds NotLeaderError from the gRPC error's trailers, which name the leader. */
const notLeader = () =>
  new NotLeaderError({
    code: 5,
    details: 'Leader info available',
    message: '5 NOT_FOUND: Leader info available',
    metadata: {
      getMap: () => ({ 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' }),
    },
  } as never);

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('EventStoreDB adapter: reads left early are cancelled', () => {
  let client: ScriptedEsdbClient;
  beforeEach(() => (client = new ScriptedEsdbClient()));

  it('headPosition cancels its read once it finds an application event', async () => {
    client.log.push(logRecord(10), logRecord(20), logRecord(30));
    const store = await openOn(client);

    expect(await store.headPosition()).toBe(30);

    const [read] = client.callsOf('readAll');
    expect(read.options).toMatchObject({
      direction: 'backwards',
      fromPosition: 'end',
      maxCount: HEAD_PAGE_SIZE,
    });
    expect(read.read).toMatchObject({ delivered: 1, cancelCalls: 1, exhausted: false });
  });

  it('ping asks for one record and cancels its read', async () => {
    client.log.push(logRecord(10), logRecord(20));
    const store = await openOn(client);

    await store.ping();

    const [read] = client.callsOf('readAll');
    expect(read.options).toMatchObject({ maxCount: 1 });
    expect(read.read?.cancelled).toBe(true);
  });

  it('readAll sizes its page to the limit and cancels it when the limit is reached', async () => {
    client.log.push(...[10, 20, 30, 40, 50, 60].map((commit) => logRecord(commit)));
    const store = await openOn(client);

    const read = await collect(store.readAll({ after: 10, limit: 2 }));

    expect(read.map((recorded) => recorded.position)).toEqual([20, 30]);
    const [page] = client.callsOf('readAll').filter((call) => call.options.direction === 'forwards');
    expect(page.options.maxCount).toBe(4);
    expect(page.read?.cancelled).toBe(true);
  });

  it('readAll cancels its page when the consumer stops early', async () => {
    client.log.push(...[10, 20, 30, 40].map((commit) => logRecord(commit)));
    const store = await openOn(client);

    for await (const recorded of store.readAll()) if (recorded.position === 20) break;

    const [page] = client.callsOf('readAll').filter((call) => call.options.direction === 'forwards');
    expect(page.read?.cancelled).toBe(true);
  });

  it('a read that ends by itself is not cancelled', async () => {
    client.log.push(
      logRecord(10, 'credential-7', 'Happened', 0),
      logRecord(20, 'credential-7', 'Happened', 1),
    );
    const store = await openOn(client);

    expect(await store.readStream('credential-7')).toHaveLength(2);

    const [read] = client.callsOf('readStream');
    expect(read.read).toMatchObject({ exhausted: true, cancelCalls: 0 });
  });
});

describe('EventStoreDB adapter: the head of $all', () => {
  let client: ScriptedEsdbClient;
  beforeEach(() => (client = new ScriptedEsdbClient()));

  it('pages backwards past system events to the newest application event', async () => {
    client.log.push(logRecord(5), logRecord(10));
    for (let commit = 11; commit < 11 + 3 * HEAD_PAGE_SIZE; commit++) client.log.push(systemRecord(commit));
    const store = await openOn(client);

    expect(await store.headPosition()).toBe(10);

    const pages = client.callsOf('readAll');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.every((page) => page.options.maxCount === HEAD_PAGE_SIZE)).toBe(true);
    expect(pages[pages.length - 1].read?.cancelled).toBe(true);
  });

  it('is 0 when $all holds only system events, having read to its start', async () => {
    for (let commit = 1; commit <= 2 * HEAD_PAGE_SIZE; commit++) client.log.push(systemRecord(commit));
    const store = await openOn(client);

    expect(await store.headPosition()).toBe(0);
    expect(client.callsOf('readAll').at(-1)?.read?.exhausted).toBe(true);
  });

  it('reads only what was written since the last look', async () => {
    client.log.push(logRecord(10));
    for (let commit = 11; commit < 11 + 3 * HEAD_PAGE_SIZE; commit++) client.log.push(systemRecord(commit));
    const store = await openOn(client);
    await store.headPosition();
    client.calls.length = 0;

    client.log.push(systemRecord(5000));
    expect(await store.headPosition()).toBe(10);
    client.log.push(logRecord(6000));
    expect(await store.headPosition()).toBe(6000);

    expect(client.callsOf('readAll')).toHaveLength(2);
  });
});

describe('EventStoreDB adapter: every call goes to the leader, with a deadline', () => {
  it('sends requiresLeader and a deadline on appends, reads, head reads, pings and the subscription', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client, { deadlineMs: 4321 });

    const appended = await store.append('credential-1', [event()], NO_STREAM);
    await store.readStream('credential-1');
    await collect(store.readAll());
    await store.headPosition();
    await store.ping();
    const stop = store.onAppended(() => undefined);
    stop();

    expect(appended.position).toBeGreaterThan(0);
    const methods = new Set(client.calls.map((call) => call.method));
    expect([...methods].sort()).toEqual(['appendToStream', 'readAll', 'readStream', 'subscribeToAll']);
    for (const call of client.calls) {
      expect({ method: call.method, requiresLeader: call.options.requiresLeader }).toEqual({
        method: call.method,
        requiresLeader: true,
      });
      expect(call.options.deadline).toEqual(expect.any(Number));
    }
    expect(client.callsOf('appendToStream')[0].options.deadline).toBe(4321);
  });

  it('cancels a stream read that hangs at its deadline', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client, { deadlineMs: 50 });
    client.scriptNextRead('hang');

    await expect(store.readStream('credential-1')).rejects.toBeInstanceOf(EventStoreTimeoutError);

    expect(client.callsOf('readStream')[0].read?.cancelled).toBe(true);
  });

  it('fails a hanging ping within the ping deadline, so readiness answers quickly', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client, { deadlineMs: 5000, pingDeadlineMs: 30 });
    client.scriptNextRead('hang');
    const started = Date.now();

    await expect(store.ping()).rejects.toThrow(/did not answer a ping within 30 ms/);

    expect(Date.now() - started).toBeLessThan(1000);
    expect(client.callsOf('readAll')[0].read?.cancelled).toBe(true);
  });

  it('cancels a head read that hangs part-way', async () => {
    const client = new ScriptedEsdbClient();
    client.log.push(systemRecord(1), systemRecord(2));
    const store = await openOn(client, { deadlineMs: 50 });
    client.scriptNextRead('hang');

    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreTimeoutError);
    expect(client.callsOf('readAll')[0].read?.cancelled).toBe(true);
  });

  it('stops waiting for an append that never answers, reporting its outcome unknown', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client, { deadlineMs: 20 });
    client.scriptAppends(() => new Promise(() => undefined));

    const error = await store.append('credential-1', [event()], NO_STREAM).catch((caught) => caught);

    expect(error).toBeInstanceOf(AppendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(EventStoreTimeoutError);
  });
});

describe('EventStoreDB adapter: appends whose outcome is unknown', () => {
  it.each([
    ['the server’s commit timeout', new DeadlineExceededError()],
    ['an unavailable node', new UnavailableError()],
    ['a connection cancelled mid-call', new CancelledError()],
    ['a node that is no longer the leader', notLeader()],
  ])('maps %s to AppendOutcomeUnknownError', async (_, failure) => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client);
    client.scriptAppends(async () => {
      throw failure;
    });

    const error = await store.append('credential-1', [event()], 3).catch((caught) => caught);

    expect(error).toBeInstanceOf(AppendOutcomeUnknownError);
    expect(error).toMatchObject({ stream: 'credential-1', cause: failure, code: 'APPEND_OUTCOME_UNKNOWN' });
  });

  it('maps a wrong expected version to the port’s conflict', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client);
    client.scriptAppends(async () => {
      throw new WrongExpectedVersionError(undefined, {
        streamName: 'credential-1',
        expected: 3n,
        current: 5n,
      } as never);
    });

    await expect(store.append('credential-1', [event()], 3)).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
  });

  it('sends a retry with the same ids, and looks up the position the server leaves out for a recognised one', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client);
    const events = [event(), event()];
    const first = await store.append('credential-1', events, NO_STREAM);
    client.scriptAppends(async () => ({ success: true, nextExpectedRevision: 1n, position: undefined }));

    const retried = await store.append('credential-1', events, NO_STREAM);

    expect(retried).toEqual(first);
    const ids = client.log.map((record) => record.id);
    expect(ids).toEqual(events.map(({ id }) => id));
    expect(client.callsOf('readStream')[0].options).toMatchObject({ fromRevision: 1n, maxCount: 1 });
  });
});

describe('EventStoreDB adapter: closing', () => {
  it('waits for appends in flight before disposing the client', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client);
    let answer: () => void = () => undefined;
    client.scriptAppends(
      (stream, ids) => new Promise((resolve) => (answer = () => resolve(client.appendToLog(stream, ids)))),
    );

    const inFlight = store.append('credential-1', [event()], NO_STREAM);
    const closing = store.close();
    await settle();
    expect(client.disposed).toBe(false);
    await expect(store.append('credential-2', [event()], NO_STREAM)).rejects.toBeInstanceOf(
      EventStoreClosedError,
    );
    answer();

    await expect(inFlight).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await closing;
    expect(client.disposed).toBe(true);
  });

  it('waits no longer than closeWaitMs for an append that never answers', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client, { closeWaitMs: 30, deadlineMs: 20 });
    client.scriptAppends(() => new Promise(() => undefined));

    const stuck = store.append('credential-1', [event()], NO_STREAM);
    await store.close();

    expect(client.disposed).toBe(true);
    await expect(stuck).rejects.toBeInstanceOf(AppendOutcomeUnknownError);
  });
});

describe('EventStoreDB adapter: following $all', () => {
  it('subscribes, filtered to application events, while anyone listens, and wakes them on other writers’ appends', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client);
    const heard: number[] = [];

    const stop = store.onAppended((position) => heard.push(position));
    const [subscription] = client.subscriptions;
    subscription.push(logRecord(700, 'credential-9'));
    await settle();
    stop();

    const [call] = client.callsOf('subscribeToAll');
    expect(call.options).toMatchObject({
      fromPosition: 'end',
      filter: { filterOn: 'eventType', regex: '^[^$].*' },
    });
    expect(heard).toEqual([700]);
    expect(subscription.unsubscribeCalls).toBe(1);
  });

  it('tells listeners of its own appends once, not again when the subscription shows them', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client);
    const heard: number[] = [];
    store.onAppended((position) => heard.push(position));

    const appended = await store.append('credential-1', [event()], NO_STREAM);
    client.subscriptions[0].push(client.log[client.log.length - 1]);
    await settle();

    expect(heard).toEqual([appended.position]);
    await store.close();
    expect(client.subscriptions[0].unsubscribeCalls).toBe(1);
  });

  it('subscribes again from its last position after the subscription drops', async () => {
    const client = new ScriptedEsdbClient();
    const store = await openOn(client, { resubscribeDelayMs: 5 });
    const heard: number[] = [];
    store.onAppended((position) => heard.push(position));

    client.subscriptions[0].push(logRecord(800));
    client.subscriptions[0].push(new UnavailableError());
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.subscriptions[1]?.push(logRecord(900));
    await settle();

    expect(client.subscriptions).toHaveLength(2);
    expect(client.callsOf('subscribeToAll')[1].options.fromPosition).toEqual({ commit: 800n, prepare: 800n });
    expect(heard).toEqual([800, 900]);
    await store.close();
  });
});

describe('EventStoreDB adapter: opening', () => {
  it.each(['22.5.1.0', '21.10.0', 'unknown'])(
    'refuses server %s, saying 22.6 is needed, and disconnects',
    async (version) => {
      const client = new ScriptedEsdbClient();

      await expect(EventStoreDbEventStore.open(client.asClient(), async () => version)).rejects.toThrow(
        UnsupportedServerVersionError,
      );
      await expect(EventStoreDbEventStore.open(client.asClient(), async () => version)).rejects.toThrow(
        /22\.6 or later/,
      );
      expect(client.disposed).toBe(true);
    },
  );

  it.each(['22.6.0.0', '24.10.0.0', '25.0.1'])('opens on server %s', async (version) => {
    await expect(openOn(new ScriptedEsdbClient(), {}, version)).resolves.toBeInstanceOf(
      EventStoreDbEventStore,
    );
  });

  it('fails to open, within the deadline, when the version request hangs', async () => {
    const client = new ScriptedEsdbClient();

    await expect(
      EventStoreDbEventStore.open(client.asClient(), () => new Promise(() => undefined), { deadlineMs: 30 }),
    ).rejects.toBeInstanceOf(EventStoreTimeoutError);
    expect(client.disposed).toBe(true);
  });
});
