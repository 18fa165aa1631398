/**
 * Follows the audit log: every entry after a position, oldest first, then
 * the new ones as the projector stores them. The log's positions are the
 * event store's, so a subscriber that resumes after the last position it
 * received misses nothing and sees nothing twice. Pages are read only as
 * fast as the subscriber takes them.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AuditAction, AuditEntry } from './audit-entry';
import type { AccountReach } from '@keyring/domain';
import { AuditLogReader } from './audit-log-reader';
import { ProjectionProgress } from '../../platform/progress/projection-progress';
import { GracefulShutdown, serviceStopping } from '../../platform/lifecycle/graceful-shutdown';

const PAGE_SIZE = 500;
/** How long a caught-up follower waits before looking again without being woken (e.g. after a rebuild). */
const IDLE_RECHECK_MS = 1000;

export interface FollowRequest {
  readonly after: number;
  readonly reach: AccountReach;
  /** Only these actions; every action when absent. */
  readonly actions?: readonly AuditAction[];
}

@Injectable()
export class AuditFollower {
  constructor(
    private readonly reader: AuditLogReader,
    private readonly progress: ProjectionProgress,
    private readonly shutdown: GracefulShutdown,
  ) {}

  /**
   * Entries for a stream written to `sink`; unsubscribing (the call is cancelled) stops the reading. When
   * the service stops, the stream ends with SERVICE_STOPPING (UNAVAILABLE), so the subscriber reconnects.
   */
  follow(request: FollowRequest, sink: Writable): Observable<AuditEntry> {
    return new Observable<AuditEntry>((subscriber) => {
      const stop = new AbortController();
      const onStopping = () => {
        stop.abort();
        subscriber.error(serviceStopping());
      };
      if (this.shutdown.stopping) return void onStopping();
      this.shutdown.signal.addEventListener('abort', onStopping, { once: true });
      const stopped = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve()));
      const run = async () => {
        let after = request.after;
        while (!stop.signal.aborted) {
          // Read the checkpoint first: every entry up to it is already stored, so the page below has it.
          const checkpoint = this.progress.position;
          const page = this.reader.entriesAfter(after, request, PAGE_SIZE);
          for (const entry of page) subscriber.next(entry);
          if (page.length > 0) after = page[page.length - 1].position;
          if (page.length === PAGE_SIZE) {
            await drained(sink, stop.signal);
          } else {
            await Promise.race([
              this.progress.waitFor(Math.max(checkpoint, after) + 1, IDLE_RECHECK_MS),
              stopped,
            ]);
          }
        }
      };
      run().then(
        () => subscriber.complete(),
        (error: unknown) => subscriber.error(error),
      );
      return () => {
        this.shutdown.signal.removeEventListener('abort', onStopping);
        stop.abort();
      };
    });
  }
}

/** Waits while the subscriber has more unread than its buffer holds. */
async function drained(sink: Writable, signal: AbortSignal): Promise<void> {
  while (sink.writableNeedDrain && !sink.destroyed && !signal.aborted) {
    await once(sink, 'drain', { signal }).catch(() => undefined);
  }
}
