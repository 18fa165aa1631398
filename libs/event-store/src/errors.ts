import type { ExpectedRevision, StreamRevision } from './event-store.port';

/** The stream was not at the expected revision: someone else appended first. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `null` when it does not exist. */
    readonly actual: StreamRevision | null,
  ) {
    super(`Stream ${stream} is at revision ${actual ?? 'none'}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export const isWrongExpectedRevision = (error: unknown): error is WrongExpectedRevisionError =>
  error instanceof WrongExpectedRevisionError;

/** `append` was given no events: there is nothing to record and no revision to report. */
export class EmptyAppendError extends Error {
  readonly code = 'EMPTY_APPEND';

  constructor(readonly stream: string) {
    super(`Append to stream ${stream} carries no events; pass at least one event`);
    this.name = 'EmptyAppendError';
  }
}

/** An event id is already stored (or repeated within the append): ids identify events for good. */
export class DuplicateEventIdError extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';

  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`Event id ${eventId} (stream ${stream}) is already stored; give every new event a fresh UUID`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The append request itself is malformed (bad stream name, event or expected revision). */
export class InvalidAppendError extends Error {
  readonly code = 'INVALID_APPEND';

  constructor(
    readonly stream: string,
    reason: string,
  ) {
    super(`Append to stream ${stream} is invalid: ${reason}`);
    this.name = 'InvalidAppendError';
  }
}

/** The store was closed; nothing can be appended or read through it any more. */
export class EventStoreClosedError extends Error {
  readonly code = 'EVENT_STORE_CLOSED';

  constructor() {
    super('The event store is closed; open a new one to append or read');
    this.name = 'EventStoreClosedError';
  }
}

/**
 * The append may or may not have committed: the call timed out, the connection dropped or the node stopped
 * being the leader before an answer came back. Retry it unchanged — the same events with the same ids and
 * the same expected revision — which the store recognises as the same write if it did commit.
 */
export class AppendOutcomeUnknownError extends Error {
  readonly code = 'APPEND_OUTCOME_UNKNOWN';

  constructor(
    readonly stream: string,
    override readonly cause: unknown,
  ) {
    super(
      `The append to stream ${stream} may or may not have been written (${describe(cause)}); ` +
        'retry it with the same events and expected revision',
    );
    this.name = 'AppendOutcomeUnknownError';
  }
}

export const isAppendOutcomeUnknown = (error: unknown): error is AppendOutcomeUnknownError =>
  error instanceof AppendOutcomeUnknownError;

/** The store did not answer in time; the call was cancelled. */
export class EventStoreTimeoutError extends Error {
  readonly code = 'EVENT_STORE_TIMEOUT';

  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`The event store did not answer ${operation} within ${timeoutMs} ms; the call was cancelled`);
    this.name = 'EventStoreTimeoutError';
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * The disk holding the store is full (SQLITE_FULL, ENOSPC): the append was rolled back whole, nothing of it
 * is stored. Appends succeed again, with no restart, once space is freed.
 */
export class StorageFullError extends Error {
  readonly code = 'STORAGE_FULL';

  constructor(
    readonly file: string,
    override readonly cause?: unknown,
  ) {
    super(
      `The event store ${file} is on a full disk: appends are refused, and nothing of them was stored, ` +
        'until space is freed on that file system',
    );
    this.name = 'StorageFullError';
  }
}

export const isStorageFull = (error: unknown): error is StorageFullError => error instanceof StorageFullError;

/** What SQLite or the file system says when a write finds no space left. */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/**
 * The event-store file cannot be used as found: not a SQLite database, another application's database, a
 * newer schema, or damaged. The store refuses to open it and leaves it exactly as it was.
 */
export class EventStoreFileError extends Error {
  readonly code = 'EVENT_STORE_FILE_UNUSABLE';

  constructor(
    readonly file: string,
    readonly problem: 'not-a-database' | 'foreign' | 'newer-schema' | 'corrupt',
    what: string,
    toDo: string,
  ) {
    super(`Event store ${file} ${what}. Keyring did not start and did not change the file. ${toDo}`);
    this.name = 'EventStoreFileError';
  }
}
