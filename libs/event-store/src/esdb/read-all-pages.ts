import { type AllStreamResolvedEvent, type Position, START } from '@eventstore/db-client';
import type { GlobalPosition, RecordedEvent } from '../event-store.port';
import { isAfter, isSystemEvent, toGlobalPosition, toReadPosition, toRecordedEvent } from './esdb-mapping';

/** Most records asked of the server per forward $all read. */
export const READ_ALL_PAGE = 1000;

export interface AllPages {
  /** Read strictly after this position. */
  readonly after: GlobalPosition;
  readonly limit: number;
  /** The head as of the call: nothing after it is read. */
  readonly end: Promise<GlobalPosition>;
  /** One forward page of $all from `from` (inclusive), at most `maxCount` records. */
  readonly page: (from: Position | typeof START, maxCount: number) => AsyncIterable<AllStreamResolvedEvent>;
  readonly assertOpen: () => void;
}

/**
 * Pages through $all after `after` up to `end`. Events written by one
 * append may share a commit position; `limit` never splits such a group,
 * so reading on after the last position returned loses nothing. Between
 * pages the read resumes from the exact (commit, prepare) position. Each
 * page asks for no more than the limit needs; system events, which client
 * 6.2.1 cannot filter out on the server for reads, are skipped here.
 */
export async function* readAllPages({ after, limit, end, page, assertOpen }: AllPages) {
  const last = await end;
  let resumeFrom: Position | null = null;
  let yielded = 0;
  let lastYielded: GlobalPosition | null = null;
  for (;;) {
    let records = 0;
    // Room for the record read from (inclusive), the events still wanted and one more to see a group end.
    const maxCount = Math.min(READ_ALL_PAGE, Math.max(limit - yielded, 0) + 2);
    for await (const { event } of page(resumeFrom ?? (after > 0 ? toReadPosition(after) : START), maxCount)) {
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
      assertOpen();
      yield toRecordedEvent(event, position) satisfies RecordedEvent;
      yielded++;
      lastYielded = position;
    }
    if (records < maxCount) return;
  }
}
