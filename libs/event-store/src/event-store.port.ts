/**
 * The event store as the application sees it: streams with optimistic
 * concurrency, and one ordered log of every event by global position.
 * Adapters (SQLite, EventStoreDB) translate this to their library and pass
 * the shared contract suite in `event-store.contract.ts`.
 *
 * What every adapter shares (where the stores differ by nature, the port
 * promises only the common part):
 * - Event ids are UUIDs (`assertValidAppend` refuses anything else) and
 *   identify an event for good.
 * - An append that fails with `AppendOutcomeUnknownError` may have committed.
 *   Retrying it unchanged — same events, same ids, same `no_stream` or exact
 *   expected revision — is answered once with the first result and writes
 *   nothing twice, even after other writers moved the stream on. Otherwise,
 *   an id already stored is refused (SQLite: `DuplicateEventIdError`;
 *   EventStoreDB may accept or refuse it as a conflict: do not rely on either).
 * - Stream names starting with `$`, and event types starting with `$`, belong
 *   to the store: never written by the application, never in `readAll`.
 * - Streams are never deleted: a deleted or tombstoned EventStoreDB stream
 *   reads and appends differently from SQLite, which cannot delete at all.
 * - `close` lets appends already made finish (bounded) before it disposes,
 *   and refuses new calls at once.
 */

/** A position in the global order; strictly increasing, not necessarily contiguous. */
export type GlobalPosition = number;

/** Revisions count from 0 within a stream, as EventStoreDB does. */
export type StreamRevision = number;

export const NO_STREAM = 'no_stream' as const;
export const ANY = 'any' as const;

/** `no_stream`: the stream must not exist; a number: its last event must have this revision; `any`: no check. */
export type ExpectedRevision = typeof NO_STREAM | typeof ANY | StreamRevision;

export interface EventMetadata {
  readonly [key: string]: unknown;
}

export interface NewEvent {
  /** A UUID chosen by the writer, so that retried appends can be recognised (see above). */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  readonly stream: string;
  readonly revision: StreamRevision;
  readonly position: GlobalPosition;
  /** When the store committed the event (ISO-8601). */
  readonly recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event appended: the expected revision for the next append. */
  readonly nextExpectedRevision: StreamRevision;
  /** Global position of the last event appended. */
  readonly position: GlobalPosition;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); default 0. */
  readonly fromRevision?: StreamRevision;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; default: from the beginning. */
  readonly after?: GlobalPosition;
  /** Stop after this many events; default: until the current end. */
  readonly limit?: number;
}

export type AppendListener = (position: GlobalPosition) => void;

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; a missing stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Every event of every stream in global order, up to the end as of the call. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Position of the newest event, or 0 for an empty store. */
  headPosition(): Promise<GlobalPosition>;
  /**
   * A wake-up signal for readers of `readAll`. Calls `listener` with the new
   * head position once after each append made through this instance commits
   * (never for a refused one), so readers in the same process (the projector)
   * wake at once. Adapters that follow a shared log (EventStoreDB, through a
   * subscription to $all) also call it for other processes' appends; with
   * the others (SQLite), those are found by polling. Readers keep polling as
   * a fallback either way. Returns the function that stops the calls.
   */
  onAppended(listener: AppendListener): () => void;
  /** Throws, quickly, when the store cannot be reached; used by readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
