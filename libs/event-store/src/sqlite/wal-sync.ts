/**
 * Durability without blocking the event loop. With `synchronous=FULL`,
 * SQLite fsyncs the WAL inside COMMIT, and better-sqlite3 runs COMMIT on the
 * calling thread: every group commit stalled every request for the length of
 * an fsync (about 0.3 ms here, a quarter of the token endpoint's time). So
 * the connection runs `synchronous=NORMAL` (commits write the WAL but do not
 * sync it; SQLite still syncs around checkpoints, so the file stays
 * consistent) and this class syncs the WAL file itself, on libuv's thread
 * pool, before an append is reported. Syncs are grouped like commits: one
 * in flight, and every commit made meanwhile waits for the next one.
 */
import { type FileHandle, open } from 'node:fs/promises';

export class WalSync {
  private file: FileHandle | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private completed = 0;

  constructor(private readonly walFile: string) {}

  /** Syncs completed so far. */
  get syncs(): number {
    return this.completed;
  }

  /** Resolves once everything committed on this connection before the call is on disk. */
  sync(): Promise<void> {
    // A sync already running may have started before the latest commit, so it cannot cover it: queue the next.
    this.queued ??= (this.running ?? Promise.resolve()).then(
      () => this.start(),
      () => this.start(),
    );
    return this.queued;
  }

  /** Waits for syncs asked for, then lets go of the file. */
  async close(): Promise<void> {
    await Promise.allSettled([this.queued, this.running]);
    await this.file?.close();
    this.file = null;
  }

  private start(): Promise<void> {
    this.queued = null;
    const run = this.datasync();
    this.running = run;
    run.then(
      () => this.finished(run),
      () => this.finished(run),
    );
    return run;
  }

  private finished(run: Promise<void>): void {
    if (this.running === run) this.running = null;
  }

  private async datasync(): Promise<void> {
    // fdatasync flushes the file's data whichever descriptor wrote it, so our own handle serves.
    this.file ??= await open(this.walFile, 'r+');
    await this.file.datasync();
    this.completed++;
  }
}
