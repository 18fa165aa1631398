/**
 * Follows the audit log: every entry after a position, oldest first, then
 * the new ones as the projector stores them. The log's positions are the
 * event store's, so a subscriber that resumes after the last position it
 * received misses nothing and sees nothing twice.
 *
 * Each subscriber holds at most one page in memory and is handed the next
 * entry only once its stream has room; a subscriber of a few actions jumps to
 * the projector's checkpoint after each short page, so it never reads the
 * same unmatched tail twice. A subscriber whose access may end (a caller
 * whose credential can be revoked) confirms it on every wake, at least every
 * ACCESS_RECHECK_MS, and before each delivery: once the confirmation fails,
 * the stream ends with that refusal and delivers nothing more.
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
/** How often a follower confirms its subscriber's access even when it is blocked on a slow reader. */
export const ACCESS_RECHECK_MS = 1000;

export interface FollowRequest {
  readonly after: number;
  readonly reach: AccountReach;
  /** Only these actions; every action when absent. */
  readonly actions?: readonly AuditAction[];
  /** Resolves while the subscriber may still receive entries; throws (a refusal) once it may not. */
  readonly confirmAccess?: () => Promise<void>;
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
      const end = (error: unknown) => {
        if (stop.signal.aborted) return;
        stop.abort();
        subscriber.error(error);
      };
      const confirm = request.confirmAccess ?? (() => Promise.resolve());
      // 1. The access watch: independent of the reading below, so a blocked reader is cut off on time too.
      let confirming = false;
      const watch = setInterval(() => {
        if (confirming) return;
        confirming = true;
        confirm()
          .catch(end)
          .finally(() => (confirming = false));
      }, ACCESS_RECHECK_MS);
      watch.unref();
      const run = async () => {
        let after = request.after;
        while (!stop.signal.aborted) {
          // 2. Read the checkpoint first: every entry up to it is already stored, so the page below has it.
          const checkpoint = this.progress.position;
          const page = this.reader.entriesAfter(after, request, PAGE_SIZE);
          // 3. Confirm after reading: every entry in the page was stored before access was confirmed.
          await confirm();
          for (const entry of page) {
            if (sink.writableNeedDrain) {
              await drained(sink, stop.signal);
              if (!stop.signal.aborted) await confirm();
            }
            if (stop.signal.aborted) return;
            subscriber.next(entry);
          }
          if (page.length === PAGE_SIZE) {
            after = page[page.length - 1].position;
            continue;
          }
          // 4. A short page holds every match up to the checkpoint: nothing before it needs reading again.
          after = Math.max(after, checkpoint, page.at(-1)?.position ?? 0);
          await Promise.race([this.progress.waitFor(after + 1, IDLE_RECHECK_MS), stopped]);
        }
      };
      run().then(
        () => subscriber.complete(),
        (error: unknown) => end(error),
      );
      return () => {
        clearInterval(watch);
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
