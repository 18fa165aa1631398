/**
 * Follows the event store into the read models: catches up from the
 * checkpoint, then waits for a wake-up (an append in this process) or the
 * poll interval (appends by other processes) and projects again. Plain
 * code with no framework, so it runs the same in the projector's worker
 * thread, in a CLI process and in tests.
 */
import type { EventStore, GlobalPosition } from '@keyring/event-store';
import type { ReadModelProjection } from './read-model-projection';
import { WakeSignal } from '../platform/progress/wake-signal';

/** Events read and applied per transaction: large enough to amortise, small enough to follow closely. */
export const PROJECTION_BATCH_SIZE = 500;

/**
 * After a small batch, the next read waits this long, so that under steady
 * load (a token request every few hundred microseconds) the events of a few
 * milliseconds share one transaction instead of paying one each — that
 * overhead was most of the projector's time. The first event after a quiet
 * spell is projected at once; a backlog is read without pause.
 */
export const GATHER_MS = 5;
const SMALL_BATCH = 50;
/** After a failed attempt (a full disk, a locked file), the next waits at least this long, wake-ups or not. */
const RETRY_AFTER_FAILURE_MS = 500;

export interface ProjectionListener {
  /** The checkpoint after a batch, or as another projector left it. */
  progressed(position: GlobalPosition): void;
  /** Why the last attempt failed, or null once an attempt succeeds again. */
  failed(message: string | null): void;
}

export class ProjectionLoop {
  private readonly wakeSignal = new WakeSignal();
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Undefined until the first attempt, so a fresh loop (a restarted thread) reports its first outcome. */
  private lastError: string | null | undefined = undefined;

  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly pollIntervalMs: number,
    private readonly listener: ProjectionListener,
  ) {}

  start(): void {
    this.listener.progressed(this.projection.checkpoint().position);
    this.running ??= this.follow();
  }

  /** New events are there: project now rather than at the next poll. */
  wake(): void {
    this.wakeSignal.wake();
  }

  /** Stops after the batch in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeSignal.wake();
    await this.running;
  }

  /** Applies one batch after the checkpoint; returns how many events it read (0: it has caught up). */
  async projectOnce(): Promise<number> {
    const { position } = this.projection.checkpoint();
    const events = [];
    for await (const event of this.store.readAll({ after: position, limit: PROJECTION_BATCH_SIZE })) {
      events.push(event);
    }
    const checkpoint = events.length === 0 ? null : this.projection.apply(events, position);
    // Null: another projector (a replica, a CLI rebuild) moved first; read where it got to and go on.
    this.listener.progressed((checkpoint ?? this.projection.checkpoint()).position);
    return events.length;
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      let read = 0;
      let failed = false;
      try {
        read = await this.projectOnce();
        this.report(null);
      } catch (error) {
        failed = true;
        // Closing the store at shutdown interrupts a read; that is not a failure worth reporting.
        if (!this.stopped) this.report(error instanceof Error ? error.message : String(error));
      }
      if (this.stopped) break;
      // The batch rolled back whole; the next attempt starts again from the checkpoint.
      if (failed) await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_FAILURE_MS));
      else if (read === 0) await this.wakeSignal.sleep(this.pollIntervalMs);
      else if (read < SMALL_BATCH) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    }
  }

  /** Reports each change of state once, not once per poll. */
  private report(message: string | null): void {
    if (message === this.lastError) return;
    this.lastError = message;
    this.listener.failed(message);
  }
}
