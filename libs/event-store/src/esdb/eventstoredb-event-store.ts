/**
 * The production event store: EventStoreDB (or KurrentDB, 22.6 or later)
 * through @eventstore/db-client. Streams map one to one; expected revisions
 * map to the server's own optimistic concurrency; the global order is `$all`
 * without system events, positioned by commit position. Event ids are the
 * events' own UUIDs, so a retried append is recognised by the server.
 *
 * Every call is sent with `requiresLeader` (a follower answers not-leader and
 * the client moves to the leader, so reads never see a lagging copy) and is
 * bounded by a deadline that cancels it; reads left early are cancelled too.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  type JSONType,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { AppendListeners } from '../append-listeners';
import { assertValidAppend } from '../append-validation';
import { EventStoreClosedError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendListener,
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamRevision,
} from '../event-store.port';
import { AllFollower } from './all-follower';
import { boundedRead, type CancellableRead } from './bounded-read';
import { withinDeadline } from './call-deadline';
import { deadlineFromConnectionString } from './connection-settings';
import { type EsdbClient, type ServerVersionLookup, serverVersionOf } from './esdb-client';
import { toEsdbExpectedRevision, toGlobalPosition, toPortError, toRecordedEvent } from './esdb-mapping';
import { HeadPosition } from './head-position';
import { readAllPages } from './read-all-pages';
import { assertSupportedServerVersion } from './server-version';

/** An append's own timer runs this much past the deadline sent with it, so the server's answer comes first. */
const APPEND_GRACE_MS = 1000;

export interface EventStoreDbOptions {
  /** Longest wait for one call (a read page, an append); default the connection string's `defaultDeadline`. */
  readonly deadlineMs?: number;
  /** Longest wait for `ping`, so that readiness fails fast; default 2 s (at most `deadlineMs`). */
  readonly pingDeadlineMs?: number;
  /** Longest wait in `close` for appends in flight; default an append's whole deadline. */
  readonly closeWaitMs?: number;
  /** First wait before following $all again after the subscription dropped; doubles up to 30 s. */
  readonly resubscribeDelayMs?: number;
}

export class EventStoreDbEventStore implements EventStore {
  private readonly appendListeners = new AppendListeners();
  private readonly head: HeadPosition;
  private readonly follower: AllFollower;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly deadlineMs: number;
  private readonly pingDeadlineMs: number;
  private readonly closeWaitMs: number;
  private closed = false;

  private constructor(
    private readonly client: EsdbClient,
    options: EventStoreDbOptions,
  ) {
    this.deadlineMs = options.deadlineMs ?? 10_000;
    this.pingDeadlineMs = Math.min(options.pingDeadlineMs ?? 2000, this.deadlineMs);
    this.closeWaitMs = options.closeWaitMs ?? this.deadlineMs + APPEND_GRACE_MS;
    this.head = new HeadPosition((from, maxCount) =>
      this.read('reading the head of $all', () =>
        this.client.readAll({ ...this.callOptions(), direction: BACKWARDS, fromPosition: from, maxCount }),
      ),
    );
    this.follower = new AllFollower(
      (from, checkpoint) =>
        this.client.subscribeToAll({
          ...this.callOptions(),
          fromPosition: from,
          filter: excludeSystemEvents({ checkpointReached: (_, position) => checkpoint(position) }),
        }),
      (position) => this.appendListeners.notify(position),
      options.resubscribeDelayMs,
    );
  }

  /** Connects, checks the server answers and is recent enough, so a wrong address or server fails at start. */
  static async connect(
    connectionString: string,
    options: EventStoreDbOptions = {},
  ): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(connectionString);
    const deadlineMs = options.deadlineMs ?? deadlineFromConnectionString(connectionString);
    return EventStoreDbEventStore.open(client, serverVersionOf(client), { ...options, deadlineMs });
  }

  /** Opens the store on a client made elsewhere (`connect` makes the real one; the unit specs a stand-in). */
  static async open(
    client: EsdbClient,
    serverVersion: ServerVersionLookup,
    options: EventStoreDbOptions = {},
  ): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(client, options);
    try {
      // The first call also finds the leader, through gossip when seeds are listed: allow it the whole deadline.
      await store.pingWithin(store.deadlineMs);
      assertSupportedServerVersion(
        await withinDeadline(serverVersion(), store.deadlineMs, 'the server version request'),
      );
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertValidAppend(stream, events, expected);
    const appending = this.appendOnce(stream, events, expected);
    this.inFlight.add(appending);
    try {
      return await appending;
    } finally {
      this.inFlight.delete(appending);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events: RecordedEvent[] = [];
    try {
      const read = this.read(`reading stream ${stream}`, () =>
        this.client.readStream(stream, {
          ...this.callOptions(),
          direction: FORWARDS,
          fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
        }),
      );
      for await (const { event } of read) {
        if (event) events.push(toRecordedEvent(event, event.position ? toGlobalPosition(event.position) : 0));
      }
    } catch (error) {
      // A missing stream reads as empty, as the port says.
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    // Asked now, not at the first `next()`: the read ends where the log ended when it was asked for.
    const end = this.headPosition();
    // Handled here too, so a read that is never iterated cannot leave an unhandled rejection behind.
    end.catch(() => undefined);
    return readAllPages({
      after: options.after ?? 0,
      limit: options.limit ?? Number.POSITIVE_INFINITY,
      end,
      // Leaving a page early (end, limit, the consumer's break) cancels its call.
      page: (fromPosition, maxCount) =>
        this.read('reading $all', () =>
          this.client.readAll({
            ...this.callOptions(),
            direction: FORWARDS,
            fromPosition,
            maxCount,
            resolveLinkTos: false,
          }),
        ),
      assertOpen: () => this.assertOpen(),
    });
  }

  async headPosition(): Promise<GlobalPosition> {
    this.assertOpen();
    return this.head.find();
  }

  /** Also hears other processes' appends, through a filtered subscription to $all while anyone listens. */
  onAppended(listener: AppendListener): () => void {
    const remove = this.appendListeners.add(listener);
    if (!this.closed) this.follower.start();
    return () => {
      remove();
      if (this.appendListeners.size === 0) this.follower.stop();
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.pingWithin(this.pingDeadlineMs);
  }

  /** Lets appends in flight finish (they may have committed), for at most `closeWaitMs`, then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.follower.stop();
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, this.closeWaitMs))),
      ]);
      clearTimeout(timer);
    }
    await this.client.dispose();
  }

  private async appendOnce(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const ids = events.map((event) => event.id);
    const data = events.map((event) =>
      jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata }),
    );
    this.follower.expectOwn(ids);
    let result;
    try {
      // The deadline travels with the append and the server answers Timeout when it passes. The append
      // shares one gRPC call with every other append, so it cannot be cancelled alone: the timer only stops
      // waiting, and the outcome is unknown.
      result = await withinDeadline(
        this.client.appendToStream(stream, data, {
          ...this.callOptions(),
          expectedRevision: toEsdbExpectedRevision(expected),
        }),
        this.deadlineMs + APPEND_GRACE_MS,
        `the append to ${stream}`,
      );
    } catch (error) {
      const portError = toPortError(error, stream, expected);
      // A refused append never reaches $all; any other may still, so its ids stay expected.
      if (portError instanceof WrongExpectedRevisionError) this.follower.forgetOwn(ids);
      throw portError;
    }
    const revision = Number(result.nextExpectedRevision);
    // A retry the server recognised as already written is answered without a position: look it up.
    const position = result.position
      ? toGlobalPosition(result.position)
      : await this.positionOfRevision(stream, revision);
    this.appendListeners.notify(position);
    return { nextExpectedRevision: revision, position };
  }

  private async positionOfRevision(stream: string, revision: StreamRevision): Promise<GlobalPosition> {
    const read = this.read(`reading stream ${stream}`, () =>
      this.client.readStream(stream, {
        ...this.callOptions(),
        direction: FORWARDS,
        fromRevision: BigInt(revision),
        maxCount: 1,
      }),
    );
    for await (const { event } of read) if (event?.position) return toGlobalPosition(event.position);
    return 0;
  }

  private async pingWithin(deadlineMs: number): Promise<void> {
    // Reading one record of $all needs a live connection to the leader.
    const read = boundedRead(
      this.client.readAll({
        ...this.callOptions(deadlineMs),
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
      }),
      deadlineMs,
      'a ping',
    );
    for await (const _ of read) break;
  }

  /** One read call, bounded by the deadline and cancelled when left early. */
  private read<Record>(operation: string, start: () => CancellableRead<Record>): AsyncGenerator<Record> {
    return boundedRead(start(), this.deadlineMs, operation);
  }

  /**
   * Sent with every call. Client 6.2.1 replaces `deadline` with Infinity on reads and subscriptions
   * (hence `boundedRead`), but honours it on appends, where the server enforces it.
   */
  private callOptions(deadline = this.deadlineMs) {
    return { requiresLeader: true, deadline };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
