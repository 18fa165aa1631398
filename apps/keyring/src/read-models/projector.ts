/**
 * Runs the projection in the service: catches up from the checkpoint, then
 * follows new events, woken by this process's appends and polling for other
 * processes'. The event store is the only source; the in-process event bus
 * is never used, so nothing is missed when the process dies.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type GlobalPosition } from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { ProjectionProgress } from './projection-progress';
import { ReadModelProjection } from './read-model-projection';
import { WakeSignal } from './wake-signal';

/** Events read and applied per transaction: large enough to amortise, small enough not to stall requests. */
export const PROJECTION_BATCH_SIZE = 500;

export interface ProjectorStatus {
  readonly running: boolean;
  readonly position: GlobalPosition;
  /** Why the last attempt failed; null when it succeeded. */
  readonly error: string | null;
}

@Injectable()
export class Projector implements OnApplicationBootstrap {
  private readonly logger = new Logger(Projector.name);
  private readonly wakeSignal = new WakeSignal();
  private stopListening: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastError: string | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly progress: ProjectionProgress,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  /** Starts following the event store; called once the application is up. */
  onApplicationBootstrap(): void {
    this.progress.update(this.projection.checkpoint().position);
    this.stopListening = this.store.onAppended(() => this.wakeSignal.wake());
    this.running = this.follow();
  }

  /** Stops after the batch in progress; waiters are released without the guarantee. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopListening?.();
    this.wakeSignal.wake();
    await this.running;
    this.progress.releaseAll();
  }

  status(): ProjectorStatus {
    return {
      running: this.running !== null && !this.stopped,
      position: this.progress.position,
      error: this.lastError,
    };
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
    this.progress.update((checkpoint ?? this.projection.checkpoint()).position);
    return events.length;
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      let applied = 0;
      try {
        applied = await this.projectOnce();
        this.clearError();
      } catch (error) {
        // Closing the store at shutdown interrupts a read; that is not a problem worth a log line.
        if (!this.stopped) this.reportError(error);
      }
      if (applied === 0 && !this.stopped) await this.wakeSignal.sleep(this.config.readModels.pollIntervalMs);
    }
  }

  private clearError(): void {
    if (this.lastError === null) return;
    this.logger.log('Projection is running again');
    this.lastError = null;
  }

  private reportError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    // Logged once per distinct problem, not once per poll.
    if (message !== this.lastError) this.logger.error(`Projection stopped: ${message}; retrying`);
    this.lastError = message;
  }
}
