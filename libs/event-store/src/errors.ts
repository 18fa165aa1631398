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
