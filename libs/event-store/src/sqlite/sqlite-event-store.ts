import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { AppendListeners } from '../append-listeners';
import { assertValidAppend } from '../append-validation';
import { EventStoreClosedError, isDiskFullError, StorageFullError } from '../errors';
import type {
  AppendListener,
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';
import { AppendBatchWriter, type AppendBatchStats, type AppendRequest } from './append-batch-writer';
import { EVENT_COLUMNS, serializeEvent, toRecordedEvent } from './event-rows';
import { GroupCommitQueue, type RequestOutcome } from './group-commit-queue';
import { WalSync } from './wal-sync';
import {
  openSqliteDatabase,
  readConnectionSettings,
  type SqliteConnectionSettings,
  type SynchronousMode,
} from './sqlite-database';

export interface SqliteEventStoreOptions {
  /** The database file; missing parent directories are created. */
  readonly file: string;
  /**
   * FULL (default): an append resolves only once it is on disk (the WAL is synced off the event loop, see
   * `WalSync`). NORMAL: appends resolve at commit and may be lost on power loss; the file never corrupts.
   */
  readonly synchronous?: SynchronousMode;
  /** How long a commit waits for another process's write lock. The wait blocks the event loop. */
  readonly busyTimeoutMs?: number;
  /** WAL size (in 4 KiB pages) that triggers a checkpoint; default 10 000 (about 40 MB). */
  readonly walAutocheckpointPages?: number;
  /** Most append requests committed in one transaction. */
  readonly maxBatchSize?: number;
  /** Rows fetched per query while `readAll` iterates. */
  readonly readAllPageSize?: number;
  /** Run SQLite's quick integrity check on the file before using it; a damaged file is refused. */
  readonly quickCheck?: boolean;
}

/**
 * After a full disk, free space that counts as room again for `ping` (an append that succeeds clears
 * the state at once): enough for a good many batches.
 */
export const FREE_SPACE_TO_RECOVER_BYTES = 1024 * 1024;

type EventRowStatement = Database.Statement<unknown[], unknown[]>;

/** A committed append, and when it is on disk. */
interface CommittedAppend {
  readonly result: AppendResult;
  readonly durable: Promise<void>;
}

const ALREADY_DURABLE = Promise.resolve();

/**
 * The embedded event store: one SQLite file in WAL mode. Appends are queued
 * and committed in groups (see `GroupCommitQueue`), so concurrent writers
 * share fsyncs; reads go straight to the database.
 */
export class SqliteEventStore implements EventStore {
  private readonly writer: AppendBatchWriter;
  private readonly appends: GroupCommitQueue<AppendRequest, CommittedAppend>;
  /** Null when appends need not wait for the disk (synchronous NORMAL). */
  private readonly walSync: WalSync | null;
  private readonly selectStream: EventRowStatement;
  private readonly selectAllPage: EventRowStatement;
  private readonly selectHeadPosition: Database.Statement<[], number>;
  private readonly selectOne: Database.Statement<[], number>;
  private readonly readAllPageSize: number;
  private readonly appendListeners = new AppendListeners();
  private closed = false;
  /** Set while the disk is full: the last commit failed for want of space. */
  private storageFull: StorageFullError | null = null;

  private constructor(
    private readonly db: Database.Database,
    /** Absolute or relative path of the database file, as given to `open`. */
    readonly file: string,
    options: SqliteEventStoreOptions,
  ) {
    this.writer = new AppendBatchWriter(db);
    this.walSync = (options.synchronous ?? 'FULL') === 'FULL' ? new WalSync(`${file}-wal`) : null;
    this.appends = new GroupCommitQueue((requests) => {
      const outcomes = this.commitOrReportFullDisk(requests);
      const durable = this.walSync?.sync() ?? ALREADY_DURABLE;
      this.notifyAppended(outcomes, durable);
      return outcomes.map((outcome) =>
        outcome.ok ? { ok: true, value: { result: outcome.value, durable } } : outcome,
      );
    }, options.maxBatchSize ?? 1000);
    this.readAllPageSize = options.readAllPageSize ?? 1000;
    this.selectStream = db
      .prepare<
        unknown[],
        unknown[]
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision`)
      .raw();
    this.selectAllPage = db
      .prepare<
        unknown[],
        unknown[]
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`)
      .raw();
    this.selectHeadPosition = db.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck();
    this.selectOne = db.prepare<[], number>('SELECT 1').pluck();
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const db = openSqliteDatabase({
      file: options.file,
      // FULL durability is kept by WalSync instead of by SQLite inside COMMIT.
      synchronous: 'NORMAL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      walAutocheckpointPages: options.walAutocheckpointPages ?? 10_000,
      quickCheck: options.quickCheck,
    });
    return new SqliteEventStore(db, options.file, options);
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertValidAppend(stream, events, expected);
    const { result, durable } = await this.appends.enqueue({
      stream,
      expected,
      events: events.map(serializeEvent),
    });
    await durable;
    return result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.selectStream.all(stream, options.fromRevision ?? 0).map(toRecordedEvent);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    // Fixed now, not at the first `next()`: the read ends where the log ended when it was asked for.
    const end = this.selectHeadPosition.get() ?? 0;
    return this.readAllPages(options.after ?? 0, end, options.limit ?? Number.POSITIVE_INFINITY);
  }

  async headPosition(): Promise<GlobalPosition> {
    this.assertOpen();
    return this.selectHeadPosition.get() ?? 0;
  }

  onAppended(listener: AppendListener): () => void {
    return this.appendListeners.add(listener);
  }

  /** Also fails while the disk is full, until an append succeeds again or space is freed. */
  async ping(): Promise<void> {
    this.assertOpen();
    this.selectOne.get();
    if (this.storageFull && !this.hasRoomAgain()) throw this.storageFull;
  }

  /** Commits every append already queued, then closes the file. Later calls are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appends.drain();
    await this.walSync?.close();
    this.db.close();
  }

  /** Counters of the write path, to observe group commit at work. */
  stats(): AppendBatchStats & { readonly pendingAppends: number; readonly walSyncs: number } {
    return {
      ...this.writer.stats(),
      pendingAppends: this.appends.pendingCount,
      walSyncs: this.walSync?.syncs ?? 0,
    };
  }

  /** The live connection's journal mode, synchronous level and busy timeout, and what an append waits for. */
  connectionSettings(): SqliteConnectionSettings & { readonly durability: SynchronousMode } {
    this.assertOpen();
    return { ...readConnectionSettings(this.db), durability: this.walSync ? 'FULL' : 'NORMAL' };
  }

  private async *readAllPages(after: GlobalPosition, end: GlobalPosition, limit: number) {
    let position = after;
    let remaining = limit;
    while (remaining > 0 && position < end) {
      // Reads are synchronous: between pages the event loop gets a turn, so a long read (a rebuild, an
      // audit verification) does not stall requests.
      if (position !== after) await new Promise((resolve) => setImmediate(resolve));
      this.assertOpen();
      const rows = this.selectAllPage.all(position, end, Math.min(this.readAllPageSize, remaining));
      if (rows.length === 0) return;
      for (const row of rows) {
        const event = toRecordedEvent(row);
        position = event.position;
        remaining--;
        yield event;
      }
    }
  }

  /** Listeners hear of appends once they are durable, as their callers do. */
  private notifyAppended(outcomes: readonly RequestOutcome<AppendResult>[], durable: Promise<void>): void {
    let head = 0;
    for (const outcome of outcomes) if (outcome.ok) head = Math.max(head, outcome.value.position);
    // A failed sync is reported to every append waiting on it; listeners just hear nothing.
    if (head > 0)
      durable.then(
        () => this.appendListeners.notify(head),
        () => undefined,
      );
  }

  /** A batch that fails for want of space rolls back whole; the store then reports itself full. */
  private commitOrReportFullDisk(requests: readonly AppendRequest[]) {
    try {
      const outcomes = this.writer.commit(requests);
      this.storageFull = null;
      return outcomes;
    } catch (error) {
      if (!isDiskFullError(error)) throw error;
      this.storageFull = new StorageFullError(this.file, error);
      throw this.storageFull;
    }
  }

  private hasRoomAgain(): boolean {
    try {
      const { bavail, bsize } = statfsSync(dirname(this.file));
      if (bavail * bsize < FREE_SPACE_TO_RECOVER_BYTES) return false;
    } catch {
      return false;
    }
    this.storageFull = null;
    return true;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
