import type { NewEvent, RecordedEvent } from '../event-store.port';

/** An event with its data and metadata already turned into JSON text, ready to insert. */
export interface SerializedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** Column order of every SELECT that `toRecordedEvent` reads (as raw arrays, which are faster than objects). */
export const EVENT_COLUMNS = 'position, stream, revision, id, type, data, metadata, recorded_at';

type EventRow = [number, string, number, string, string, string, string, string];

/**
 * Serialises when the append is called rather than inside the batch, so an
 * event that cannot become JSON fails its own request only, and later
 * mutation of the caller's objects cannot change what is stored.
 * `undefined` data is stored as `null` (JSON has no `undefined`).
 */
export function serializeEvent(event: NewEvent): SerializedEvent {
  return {
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data ?? null),
    metadata: JSON.stringify(event.metadata ?? {}),
  };
}

export function toRecordedEvent(row: unknown[]): RecordedEvent {
  const [position, stream, revision, id, type, data, metadata, recordedAt] = row as EventRow;
  return {
    id,
    type,
    data: JSON.parse(data),
    metadata: JSON.parse(metadata),
    stream,
    revision,
    position,
    recordedAt,
  };
}
