import type Database from 'better-sqlite3';
import { AppendListeners } from '../append-listeners';
import { assertValidAppend } from '../append-validation';
import { EventStoreClosedError } from '../errors';
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
import {
  openSqliteDatabase,
  readConnectionSettings,
  type SqliteConnectionSettings,
  type SynchronousMode,
} from './sqlite-database';

export interface SqliteEventStoreOptions {
  /** The database file; missing parent directories are created. */
  readonly file: string;
  /** FULL (default) fsyncs every commit; NORMAL may lose the newest commits on power loss, never corrupts. */
  readonly synchronous?: SynchronousMode;
  /** How long a commit waits for another process's write lock. The wait blocks the event loop. */
  readonly busyTimeoutMs?: number;
  /** WAL size (in 4 KiB pages) that triggers a checkpoint; default 10 000 (about 40 MB). */
  readonly walAutocheckpointPages?: number;
  /** Most append requests committed in one transaction. */
  readonly maxBatchSize?: number;
  /** Rows fetched per query while `readAll` iterates. */
  readonly readAllPageSize?: number;
}

type EventRowStatement = Database.Statement<unknown[], unknown[]>;

/**
 * The embedded event store: one SQLite file in WAL mode. Appends are queued
 * and committed in groups (see `GroupCommitQueue`), so concurrent writers
 * share fsyncs; reads go straight to the database.
 */
export class SqliteEventStore implements EventStore {
  private readonly writer: AppendBatchWriter;
  private readonly appends: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly selectStream: EventRowStatement;
  private readonly selectAllPage: EventRowStatement;
  private readonly selectHeadPosition: Database.Statement<[], number>;
  private readonly selectOne: Database.Statement<[], number>;
  private readonly readAllPageSize: number;
  private readonly appendListeners = new AppendListeners();
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    /** Absolute or relative path of the database file, as given to `open`. */
    readonly file: string,
    options: SqliteEventStoreOptions,
  ) {
    this.writer = new AppendBatchWriter(db);
    this.appends = new GroupCommitQueue((requests) => {
      const outcomes = this.writer.commit(requests);
      this.notifyAppended(outcomes);
      return outcomes;
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
      synchronous: options.synchronous ?? 'FULL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      walAutocheckpointPages: options.walAutocheckpointPages ?? 10_000,
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
    return this.appends.enqueue({ stream, expected, events: events.map(serializeEvent) });
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

  async ping(): Promise<void> {
    this.assertOpen();
    this.selectOne.get();
  }

  /** Commits every append already queued, then closes the file. Later calls are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appends.drain();
    this.db.close();
  }

  /** Counters of the write path, to observe group commit at work. */
  stats(): AppendBatchStats & { readonly pendingAppends: number } {
    return { ...this.writer.stats(), pendingAppends: this.appends.pendingCount };
  }

  /** The live connection's journal mode, synchronous level and busy timeout. */
  connectionSettings(): SqliteConnectionSettings {
    this.assertOpen();
    return readConnectionSettings(this.db);
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

  private notifyAppended(outcomes: readonly RequestOutcome<AppendResult>[]): void {
    let head = 0;
    for (const outcome of outcomes) if (outcome.ok) head = Math.max(head, outcome.value.position);
    if (head > 0) this.appendListeners.notify(head);
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
