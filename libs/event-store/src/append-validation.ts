import { EmptyAppendError, InvalidAppendError } from './errors';
import type { ExpectedRevision, NewEvent } from './event-store.port';
import { isExpectedRevision } from './expected-revision';

/** Any RFC 4122 layout (EventStoreDB parses ids as UUIDs and refuses anything else). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses malformed appends before they reach an adapter, so every adapter
 * rejects the same requests with the same errors. An empty event list is
 * refused: it records nothing and has no revision or position to report.
 * Event ids must be UUIDs: EventStoreDB answers anything else with a bare
 * BadRequest, and SQLite would accept it, so both refuse it here instead.
 */
export function assertValidAppend(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new InvalidAppendError(String(stream), 'the stream name must be a non-empty string');
  }
  if (!isExpectedRevision(expected)) {
    throw new InvalidAppendError(
      stream,
      `expected revision ${String(expected)} is not 'no_stream', 'any' or a revision ≥ 0`,
    );
  }
  if (!Array.isArray(events) || events.length === 0) throw new EmptyAppendError(stream);
  for (const event of events) {
    if (typeof event?.id !== 'string' || event.id.length === 0) {
      throw new InvalidAppendError(stream, 'every event needs a non-empty string id');
    }
    if (!UUID.test(event.id)) {
      throw new InvalidAppendError(
        stream,
        `event id ${event.id} is not a UUID; give every event a fresh UUID`,
      );
    }
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidAppendError(stream, `event ${event.id} needs a non-empty type`);
    }
  }
}
