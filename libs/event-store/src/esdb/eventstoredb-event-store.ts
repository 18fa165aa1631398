/**
 * The production event store: EventStoreDB (or KurrentDB) through
 * @eventstore/db-client. Streams map one to one; expected revisions map to
 * the server's own optimistic concurrency; the global order is `$all`
 * without system events, positioned by commit position. Event ids are the
 * events' own UUIDs, so a retried append is recognised by the server.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  type JSONType,
  type Position,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { AppendListeners } from '../append-listeners';
import { assertValidAppend } from '../append-validation';
import { EventStoreClosedError } from '../errors';
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
} from '../event-store.port';
import {
  isAfter,
  isSystemEvent,
  toEsdbExpectedRevision,
  toGlobalPosition,
  toPortError,
  toReadPosition,
  toRecordedEvent,
} from './esdb-mapping';

/** Events asked of the server per $all read while iterating. */
const READ_ALL_PAGE = 1000;

export class EventStoreDbEventStore implements EventStore {
  private readonly appendListeners = new AppendListeners();
  private closed = false;

  private constructor(private readonly client: EventStoreDBClient) {}

  /** Connects and checks the server answers, so a wrong address fails at start rather than at first use. */
  static async connect(connectionString: string): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
    try {
      await store.ping();
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
    const data = events.map((event) =>
      jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata }),
    );
    let result;
    try {
      result = await this.client.appendToStream(stream, data, {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      throw toPortError(error, stream, expected);
    }
    const appended = {
      nextExpectedRevision: Number(result.nextExpectedRevision),
      position: result.position ? toGlobalPosition(result.position) : 0,
    };
    this.appendListeners.notify(appended.position);
    return appended;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
      });
      for await (const resolved of read) {
        const { event } = resolved;
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
    return this.readAllFrom(options.after ?? 0, options.limit ?? Number.POSITIVE_INFINITY, end);
  }

  async headPosition(): Promise<GlobalPosition> {
    this.assertOpen();
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: READ_ALL_PAGE,
    })) {
      const { event } = resolved;
      if (event && !isSystemEvent(event.type, event.streamId)) return toGlobalPosition(event.position);
    }
    return 0;
  }

  onAppended(listener: AppendListener): () => void {
    return this.appendListeners.add(listener);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    // Reading one record of $all needs a live connection to a node that serves reads.
    for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }))
      break;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  /**
   * Pages through $all after `after` up to `end`. Events written by one
   * append may share a commit position; `limit` never splits such a group,
   * so reading on after the last position returned loses nothing. Between
   * pages the read resumes from the exact (commit, prepare) position.
   */
  private async *readAllFrom(after: GlobalPosition, limit: number, end: Promise<GlobalPosition>) {
    const last = await end;
    let resumeFrom: Position | null = null;
    let yielded = 0;
    let lastYielded: GlobalPosition | null = null;
    for (;;) {
      let records = 0;
      const page = this.client.readAll({
        direction: FORWARDS,
        fromPosition: resumeFrom ?? (after > 0 ? toReadPosition(after) : START),
        maxCount: READ_ALL_PAGE,
        resolveLinkTos: false,
      });
      for await (const { event } of page) {
        records++;
        if (!event) continue;
        // Reads start at a position inclusively: skip what was already read.
        if (resumeFrom ? !isAfter(event.position, resumeFrom) : toGlobalPosition(event.position) <= after)
          continue;
        resumeFrom = event.position;
        const position = toGlobalPosition(event.position);
        if (position > last) return;
        if (isSystemEvent(event.type, event.streamId)) continue;
        if (yielded >= limit && position !== lastYielded) return;
        this.assertOpen();
        yield toRecordedEvent(event, position);
        yielded++;
        lastYielded = position;
      }
      if (records < READ_ALL_PAGE) return;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
