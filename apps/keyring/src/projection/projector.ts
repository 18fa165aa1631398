/**
 * Runs the projection for the service in its own worker thread
 * (`projector-worker.ts`): wakes it on every append this process commits,
 * passes its progress to read-your-writes, and keeps its last error for
 * readiness. The event store is the only source; the in-process event bus
 * is never used, so nothing is missed when the process dies.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type GlobalPosition } from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { ProjectionProgress } from '../platform/progress/projection-progress';
import type { ProjectorCommand, ProjectorMessage } from './projector-messages';

/**
 * A projector thread that died (an exception, out of memory, killed) is started again after these delays,
 * one more step for each death in a row; a thread that ran this long before dying starts the count afresh.
 */
export const RESTART_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000];
const STEADY_RUN_MS = 60_000;

export interface ProjectorStatus {
  readonly running: boolean;
  readonly position: GlobalPosition;
  /** Why the last attempt failed; null when it succeeded. */
  readonly error: string | null;
}

/**
 * The built service runs `projector-worker.js` beside its own bundle; from
 * source (tests, benchmarks) the thread compiles the TypeScript file with
 * the same hook the process was started with, or the repository's own.
 */
function workerScript(): { file: string; execArgv: string[] } {
  const compiled = join(__dirname, 'projector-worker.js');
  if (!__filename.endsWith('.ts') && existsSync(compiled)) return { file: compiled, execArgv: [] };
  const register = join(__dirname, '../../../../scripts/ts-register.js');
  const inherited = process.execArgv.some((arg) => arg.includes('ts-register'));
  return {
    file: join(__dirname, 'projector-worker.ts'),
    execArgv: inherited ? process.execArgv : [...process.execArgv, '--require', register],
  };
}

@Injectable()
export class Projector implements OnApplicationBootstrap {
  private readonly logger = new Logger(Projector.name);
  private worker: Worker | null = null;
  private stopListening: (() => void) | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private lastError: string | null = null;
  /** Why the thread died, until its successor reports in. */
  private threadDied: string | null = null;
  private startedAt = 0;
  private deathsInARow = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  /** Starts the projector thread once the application is up. */
  onApplicationBootstrap(): void {
    this.stopListening = this.store.onAppended(() => this.send('wake'));
    this.startWorker();
  }

  /** Stops the thread after the batch in progress; waiters are released without the guarantee. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopListening?.();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (worker) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      this.send('stop');
      await exited;
    }
    this.progress.releaseAll();
  }

  status(): ProjectorStatus {
    return {
      running: this.worker !== null,
      position: this.progress.position,
      error: this.threadDied ?? this.lastError,
    };
  }

  /** The thread's id while it runs; null between a death and its restart. */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  private startWorker(): void {
    const { file, execArgv } = workerScript();
    const worker = new Worker(file, { execArgv, workerData: { config: this.config } });
    this.worker = worker;
    this.startedAt = Date.now();
    let died: string | null = null;
    worker.on('message', (message: ProjectorMessage) => this.receive(message));
    // An uncaught exception in the thread, or ERR_WORKER_OUT_OF_MEMORY; 'exit' follows.
    worker.on('error', (error) => (died = `${error.name}: ${error.message}`));
    worker.on('exit', (exitCode) => {
      this.worker = null;
      if (this.stopping) return;
      this.deathsInARow = Date.now() - this.startedAt >= STEADY_RUN_MS ? 1 : this.deathsInARow + 1;
      const delay = RESTART_DELAYS_MS[Math.min(this.deathsInARow, RESTART_DELAYS_MS.length) - 1];
      const why = died ?? this.lastError ?? 'no error was reported';
      this.threadDied = `The projector thread died (exit code ${exitCode}: ${why}); restarting it in ${delay} ms`;
      this.logger.error(
        `${this.threadDied} (death ${this.deathsInARow} in a row); read models lag meanwhile`,
      );
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.logger.log('Restarting the projector thread from its checkpoint');
        this.startWorker();
      }, delay);
    });
  }

  private send(command: ProjectorCommand): void {
    this.worker?.postMessage(command);
  }

  private receive(message: ProjectorMessage): void {
    if (message.type === 'progressed') {
      this.progress.update(message.position);
      if (this.threadDied === null) return;
      this.threadDied = null;
      this.logger.log(`The projector thread is running again, from position ${message.position}`);
    } else if (message.type === 'warning') this.logger.warn(message.message);
    else if (message.message === null) this.recovered();
    else this.failed(message.message);
  }

  private recovered(): void {
    if (this.lastError === null) return;
    this.logger.log('Projection is running again');
    this.lastError = null;
  }

  private failed(message: string): void {
    // Logged once per distinct problem, not once per retry.
    if (message !== this.lastError) this.logger.error(`Projection stopped: ${message}; retrying`);
    this.lastError = message;
  }
}
