import type Database from 'better-sqlite3';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import {
  ANY,
  NO_STREAM,
  type AppendResult,
  type ExpectedRevision,
  type StreamRevision,
} from '../event-store.port';
import { satisfiesExpectedRevision } from '../expected-revision';
import type { SerializedEvent } from './event-rows';
import type { RequestOutcome } from './group-commit-queue';

export interface AppendRequest {
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly SerializedEvent[];
}

export interface AppendBatchStats {
  /** Batches committed; with group commit this is far below `acceptedRequests` under load. */
  readonly transactions: number;
  /** Batches whose transaction failed as a whole (every request in them was rejected). */
  readonly failedTransactions: number;
  readonly acceptedRequests: number;
  /** Requests refused alone inside a committed batch (wrong expected revision, duplicate event id). */
  readonly refusedRequests: number;
  /** Retries of appends already stored (same ids, same expected revision): answered, nothing written. */
  readonly repeatedRequests: number;
  readonly eventsAppended: number;
  readonly largestBatch: number;
}

type Outcome = RequestOutcome<AppendResult>;

/** What a batch came to: one outcome per request, and which requests were retries already stored. */
interface BatchOutcome {
  readonly outcomes: Outcome[];
  readonly repeated: ReadonlySet<number>;
}

type StoredEvent = { stream: string; revision: number; position: number };

/**
 * Writes a batch of append requests in one IMMEDIATE transaction. Each
 * request is checked against its stream's revision as left by the requests
 * before it in the batch, and written inside its own savepoint, so a request
 * that is refused leaves the others untouched.
 *
 * A request whose events are already stored, with the same ids in the same
 * stream at the revisions its expected revision gave them, is a retry of an
 * append that committed (its caller never heard back): it is answered with
 * the stored result and writes nothing, as EventStoreDB does.
 */
export class AppendBatchWriter {
  private readonly selectStreamRevision: Database.Statement<[string], number>;
  private readonly selectStoredEventId: Database.Statement<[string], string>;
  private readonly selectStoredEvent: Database.Statement<[string], StoredEvent>;
  private readonly insertEvent: Database.Statement<[string, number, string, string, string, string, string]>;
  private readonly upsertStreamRevision: Database.Statement<[string, number]>;
  private readonly writeBatch: Database.Transaction<(requests: readonly AppendRequest[]) => BatchOutcome>;
  // better-sqlite3 runs a transaction function called inside another as a SAVEPOINT.
  private readonly writeRequestInSavepoint: Database.Transaction<
    (request: AppendRequest, lastRevision: number, recordedAt: string) => AppendResult
  >;
  private counters: { -readonly [Key in keyof AppendBatchStats]: number } = {
    transactions: 0,
    failedTransactions: 0,
    acceptedRequests: 0,
    refusedRequests: 0,
    repeatedRequests: 0,
    eventsAppended: 0,
    largestBatch: 0,
  };

  constructor(db: Database.Database) {
    this.selectStreamRevision = db
      .prepare<[string], number>('SELECT revision FROM streams WHERE stream = ?')
      .pluck();
    this.selectStoredEventId = db.prepare<[string], string>('SELECT id FROM events WHERE id = ?').pluck();
    this.selectStoredEvent = db.prepare<[string], StoredEvent>(
      'SELECT stream, revision, position FROM events WHERE id = ?',
    );
    this.insertEvent = db.prepare(
      'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.upsertStreamRevision = db.prepare(
      'INSERT INTO streams (stream, revision) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision',
    );
    this.writeBatch = db.transaction((requests: readonly AppendRequest[]) => this.writeEachRequest(requests));
    this.writeRequestInSavepoint = db.transaction(
      (request: AppendRequest, lastRevision: number, recordedAt: string) =>
        this.insertRequestEvents(request, lastRevision, recordedAt),
    );
  }

  /** Commits the batch; throws (having committed nothing) when the transaction itself fails. */
  commit(requests: readonly AppendRequest[]): Outcome[] {
    let batch: BatchOutcome;
    try {
      // IMMEDIATE: take the write lock up front rather than fail mid-batch upgrading a read lock.
      batch = this.writeBatch.immediate(requests);
    } catch (error) {
      this.counters.failedTransactions++;
      throw error;
    }
    this.countCommitted(requests, batch);
    return batch.outcomes;
  }

  stats(): AppendBatchStats {
    return { ...this.counters };
  }

  private writeEachRequest(requests: readonly AppendRequest[]): BatchOutcome {
    const recordedAt = new Date().toISOString();
    const revisionsInBatch = new Map<string, StreamRevision | null>();
    const repeated = new Set<number>();
    const outcomes = requests.map((request, index): Outcome => {
      const { stream, expected } = request;
      const actual = revisionsInBatch.has(stream)
        ? (revisionsInBatch.get(stream) as StreamRevision | null)
        : (this.selectStreamRevision.get(stream) ?? null);
      revisionsInBatch.set(stream, actual);
      if (!satisfiesExpectedRevision(expected, actual)) {
        const stored = this.storedResult(request);
        if (stored) repeated.add(index);
        return stored
          ? { ok: true, value: stored }
          : { ok: false, error: new WrongExpectedRevisionError(stream, expected, actual) };
      }
      try {
        const result = this.writeRequest(request, actual ?? -1, recordedAt);
        revisionsInBatch.set(stream, result.nextExpectedRevision);
        return { ok: true, value: result };
      } catch (error) {
        // Any other failure (disk full, I/O) is the batch's: rethrow so the whole transaction rolls back.
        if (!isDuplicateEventIdViolation(error)) throw error;
        const stored = this.storedResult(request);
        if (stored) repeated.add(index);
        return stored
          ? { ok: true, value: stored }
          : { ok: false, error: new DuplicateEventIdError(stream, this.findDuplicateEventId(request)) };
      }
    });
    return { outcomes, repeated };
  }

  /**
   * The result of the append that stored exactly these events, when this request is its retry: every id
   * stored in this stream, in order, at consecutive revisions starting where `expected` put the first.
   */
  private storedResult({ stream, expected, events }: AppendRequest): AppendResult | null {
    const firstRevision = expected === NO_STREAM ? 0 : expected === ANY ? null : expected + 1;
    let previous: StoredEvent | null = null;
    for (const { id } of events) {
      const stored = this.selectStoredEvent.get(id);
      if (!stored || stored.stream !== stream) return null;
      const expectedRevision = previous ? previous.revision + 1 : firstRevision;
      if (expectedRevision !== null && stored.revision !== expectedRevision) return null;
      previous = stored;
    }
    return previous ? { nextExpectedRevision: previous.revision, position: previous.position } : null;
  }

  /**
   * A one-event request (the common case) skips the savepoint: its insert is
   * its first write, and SQLite undoes a failed statement by itself.
   */
  private writeRequest(request: AppendRequest, lastRevision: number, recordedAt: string): AppendResult {
    return request.events.length === 1
      ? this.insertRequestEvents(request, lastRevision, recordedAt)
      : this.writeRequestInSavepoint(request, lastRevision, recordedAt);
  }

  private insertRequestEvents(
    request: AppendRequest,
    lastRevision: number,
    recordedAt: string,
  ): AppendResult {
    let revision = lastRevision;
    let position = 0;
    for (const event of request.events) {
      revision++;
      const inserted = this.insertEvent.run(
        request.stream,
        revision,
        event.id,
        event.type,
        event.data,
        event.metadata,
        recordedAt,
      );
      position = Number(inserted.lastInsertRowid);
    }
    this.upsertStreamRevision.run(request.stream, revision);
    return { nextExpectedRevision: revision, position };
  }

  /** Runs after the request's savepoint was rolled back, so only earlier events can match. */
  private findDuplicateEventId(request: AppendRequest): string {
    const seen = new Set<string>();
    for (const { id } of request.events) {
      if (seen.has(id) || this.selectStoredEventId.get(id) !== undefined) return id;
      seen.add(id);
    }
    return request.events[0].id;
  }

  private countCommitted(requests: readonly AppendRequest[], { outcomes, repeated }: BatchOutcome): void {
    this.counters.transactions++;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, requests.length);
    outcomes.forEach((outcome, index) => {
      if (!outcome.ok) {
        this.counters.refusedRequests++;
        return;
      }
      if (repeated.has(index)) {
        this.counters.repeatedRequests++;
        return;
      }
      this.counters.acceptedRequests++;
      this.counters.eventsAppended += requests[index].events.length;
    });
  }
}

// Matched by code, not `instanceof SqliteError`: the native addon keeps the error class of the first
// load, so under module re-evaluation (jest) its errors are not instances of the class imported here.
function isDuplicateEventIdViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.id');
}
