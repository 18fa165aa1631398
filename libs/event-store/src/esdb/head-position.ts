import { type AllStreamResolvedEvent, END, type Position } from '@eventstore/db-client';
import type { GlobalPosition } from '../event-store.port';
import { isAfter, isSystemEvent, toGlobalPosition } from './esdb-mapping';

/** Records asked for per backwards page: the newest application event is usually among the first few. */
export const HEAD_PAGE_SIZE = 64;

/** One backwards page of $all from `from` (END or a position), at most `maxCount` records. */
export type BackwardsPage = (
  from: Position | typeof END,
  maxCount: number,
) => AsyncIterable<AllStreamResolvedEvent>;

/**
 * The position of the newest application event in $all. Client 6.2.1 reads
 * $all without a server-side filter, so the newest records may all be system
 * events (stats, scavenges, another application's `$` streams): it pages
 * backwards until an application event or the start of $all. It remembers how
 * far it looked, so the next call reads only what was written since — one
 * short page on a quiet store, not a scan per projector poll.
 */
export class HeadPosition {
  private known: { readonly head: GlobalPosition; readonly scannedTo: Position } | null = null;

  constructor(private readonly readBackwards: BackwardsPage) {}

  async find(): Promise<GlobalPosition> {
    const known = this.known;
    let newest: Position | null = null;
    let from: Position | typeof END = END;
    for (;;) {
      let records = 0;
      const page: AsyncIterable<AllStreamResolvedEvent> = this.readBackwards(from, HEAD_PAGE_SIZE);
      // Leaving this loop early cancels the page's call (see `boundedRead`).
      for await (const { event } of page) {
        records++;
        if (!event) continue;
        const position: Position = event.position;
        // A page may start with the record it was asked to start from: it was seen on the page before.
        if (from !== END && !isAfter(from, position)) continue;
        newest ??= position;
        if (known && !isAfter(position, known.scannedTo)) return this.remember(newest, known.head);
        if (!isSystemEvent(event.type, event.streamId))
          return this.remember(newest, toGlobalPosition(position));
        from = position;
      }
      // A short page ends at the start of $all.
      if (records < HEAD_PAGE_SIZE) return this.remember(newest, known?.head ?? 0);
    }
  }

  private remember(newest: Position | null, head: GlobalPosition): GlobalPosition {
    const known = this.known;
    if (newest && (!known || isAfter(newest, known.scannedTo))) this.known = { head, scannedTo: newest };
    return head;
  }
}
