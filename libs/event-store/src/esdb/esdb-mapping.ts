/**
 * Translation between the port's vocabulary and @eventstore/db-client's:
 * expected revisions, revisions and positions (bigint there, number here),
 * concurrency errors and recorded events. Pure, so it is tested without a
 * server.
 */
import {
  ANY as ESDB_ANY,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  CancelledError,
  type CurrentRevision,
  DeadlineExceededError,
  NotLeaderError,
  NO_STREAM as ESDB_NO_STREAM,
  type ResolvedEvent,
  type Position,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendOutcomeUnknownError, EventStoreTimeoutError, WrongExpectedRevisionError } from '../errors';
import {
  ANY,
  type ExpectedRevision,
  type GlobalPosition,
  NO_STREAM,
  type RecordedEvent,
  type StreamRevision,
} from '../event-store.port';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === NO_STREAM) return ESDB_NO_STREAM;
  if (expected === ANY) return ESDB_ANY;
  return BigInt(expected);
}

function fromEsdbRevision(revision: AppendExpectedRevision | CurrentRevision): ExpectedRevision | null {
  if (revision === ESDB_NO_STREAM) return null;
  if (typeof revision === 'bigint') return Number(revision);
  return revision === ESDB_ANY ? ANY : null;
}

/**
 * Errors after which an append may have committed without its caller hearing so: the server's commit
 * timeout (DeadlineExceeded), a dropped or cancelled connection, this adapter's own deadline. NotLeader
 * did not commit, but the client has already moved to the leader, so the same retry is right for it.
 */
const OUTCOME_UNKNOWN = [
  DeadlineExceededError,
  UnavailableError,
  CancelledError,
  NotLeaderError,
  EventStoreTimeoutError,
];

/** The port's error for an append's failure: a conflict, an unknown outcome, or the error unchanged. */
export function toPortError(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  if (OUTCOME_UNKNOWN.some((type) => error instanceof type))
    return new AppendOutcomeUnknownError(stream, error);
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = fromEsdbRevision(error.actualVersion);
  return new WrongExpectedRevisionError(stream, expected, typeof actual === 'number' ? actual : null);
}

/**
 * A $all position as one number: its commit position. Commit positions are
 * byte offsets in the transaction log, far below 2^53 for any real log.
 */
export const toGlobalPosition = (position: Position): GlobalPosition => Number(position.commit);

/** Where to resume $all reading from a global position (inclusive: the caller skips the event at it). */
export const toReadPosition = (position: GlobalPosition): Position => ({
  commit: BigInt(position),
  prepare: BigInt(position),
});

/** Whether `position` comes after `reference` in $all (commit first, then prepare). */
export const isAfter = (position: Position, reference: Position): boolean =>
  position.commit > reference.commit ||
  (position.commit === reference.commit && position.prepare > reference.prepare);

/** System events ($-prefixed types, e.g. `$metadata`, `$>` links) and system streams are not the application's. */
export const isSystemEvent = (type: string, stream: string): boolean =>
  type.startsWith('$') || stream.startsWith('$');

type EsdbRecorded = NonNullable<ResolvedEvent['event'] | AllStreamResolvedEvent['event']>;

/** A recorded JSON event as the port shows it; `position` comes from $all, or from the append for stream reads. */
export function toRecordedEvent(event: EsdbRecorded, position: GlobalPosition): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    data: event.isJson ? event.data : null,
    metadata: (event.isJson && event.metadata && !(event.metadata instanceof Uint8Array)
      ? event.metadata
      : {}) as RecordedEvent['metadata'],
    stream: event.streamId,
    revision: Number(event.revision) as StreamRevision,
    position,
    recordedAt: event.created.toISOString(),
  };
}
