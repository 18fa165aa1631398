/**
 * A scripted stand-in for the `EventStoreDBClient` methods the adapter calls.
 * It is not a server: it holds a list of $all records, answers reads from it
 * the way client 6.2.1 shapes them (positions, directions, inclusive starts,
 * maxCount), records every call's options, and lets a spec make a call hang
 * or fail. Reads and subscriptions count `cancel()` / `unsubscribe()` calls.
 * It proves only which calls the adapter makes, never what a server does.
 */
import type { AllStreamResolvedEvent, EventStoreDBClient, Position } from '@eventstore/db-client';

export type ClientMethods = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

type Options = Record<string, unknown> & { fromPosition?: unknown; direction?: string; maxCount?: number };
type LogRecord = NonNullable<AllStreamResolvedEvent['event']>;

export interface RecordedCall {
  readonly method: keyof ClientMethods;
  readonly stream?: string;
  readonly options: Options;
  readonly read?: ScriptedRead<unknown>;
}

/** What the next read call does instead of answering from the log. */
export type ReadScript = 'hang' | Error;

/** A ReadStream-like call: yields its records, then ends, hangs or fails; counts cancellations. */
export class ScriptedRead<Record> implements AsyncIterable<Record> {
  cancelCalls = 0;
  /** Records handed to the adapter. */
  delivered = 0;
  /** Whether the adapter read to the end (rather than leaving early). */
  exhausted = false;

  constructor(
    private readonly records: readonly Record[],
    private readonly script?: ReadScript,
  ) {}

  get cancelled(): boolean {
    return this.cancelCalls > 0;
  }

  async cancel(): Promise<void> {
    this.cancelCalls++;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Record> {
    for (const record of this.records) {
      await Promise.resolve();
      this.delivered++;
      yield record;
    }
    if (this.script === 'hang') await new Promise(() => undefined);
    if (this.script instanceof Error) throw this.script;
    this.exhausted = true;
  }
}

/** A subscription-like stream the spec pushes events into. */
export class ScriptedSubscription implements AsyncIterable<AllStreamResolvedEvent> {
  unsubscribeCalls = 0;
  private readonly queued: (AllStreamResolvedEvent | Error)[] = [];
  private wake: (() => void) | null = null;

  push(event: LogRecord | Error): void {
    this.queued.push(event instanceof Error ? event : { event, commitPosition: event.position.commit });
    this.wake?.();
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribeCalls++;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AllStreamResolvedEvent> {
    for (;;) {
      const next = this.queued.shift();
      if (next instanceof Error) throw next;
      if (next) yield next;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

let nextId = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`;

/** A record of $all at commit position `commit` (prepare equal to it). */
export function logRecord(
  commit: number,
  stream = 'credential-1',
  type = 'TokenIssued',
  revision = 0,
): LogRecord {
  return {
    streamId: stream,
    id: uuid(),
    revision: BigInt(revision),
    type,
    data: {},
    metadata: {},
    isJson: true,
    created: new Date('2026-01-01T00:00:00.000Z'),
    position: { commit: BigInt(commit), prepare: BigInt(commit) },
  } as LogRecord;
}

/** A system record, as the server writes them (`$statsCollected` to a `$stats-…` stream). */
export const systemRecord = (commit: number): LogRecord =>
  logRecord(commit, '$stats-127.0.0.1:2113', '$statsCollected');

type AppendAnswer = Awaited<ReturnType<ClientMethods['appendToStream']>>;
type Appender = (stream: string, ids: string[], options: Options) => Promise<AppendAnswer>;

export class ScriptedEsdbClient {
  readonly calls: RecordedCall[] = [];
  readonly subscriptions: ScriptedSubscription[] = [];
  /** $all in commit order; reads answer from it. */
  readonly log: LogRecord[] = [];
  disposed = false;
  private readonly readScripts: ReadScript[] = [];
  private appender: Appender = async (stream, ids) => this.appendToLog(stream, ids);

  /** The stand-in, typed as the client it stands for. */
  asClient(): ClientMethods {
    return this as unknown as ClientMethods;
  }

  /** The next read call hangs or fails (after answering from the log as usual). */
  scriptNextRead(script: ReadScript): void {
    this.readScripts.push(script);
  }

  /** Appends answer this way from now on. */
  scriptAppends(appender: Appender): void {
    this.appender = appender;
  }

  callsOf(method: keyof ClientMethods): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  readAll(options: Options = {}): ScriptedRead<AllStreamResolvedEvent> {
    const records = this.page(this.log, options).map((event) => ({
      event,
      commitPosition: event.position.commit,
    }));
    return this.startRead('readAll', options, records);
  }

  readStream(stream: string, options: Options = {}): ScriptedRead<{ event: LogRecord }> {
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : 0n;
    const events = this.log.filter((event) => event.streamId === stream && event.revision >= from);
    const limited = events.slice(0, options.maxCount ?? events.length).map((event) => ({ event }));
    return this.startRead('readStream', options, limited, stream);
  }

  appendToStream(stream: string, events: { id: string }[], options: Options = {}): Promise<AppendAnswer> {
    this.calls.push({ method: 'appendToStream', stream, options });
    return this.appender(
      stream,
      events.map((event) => event.id),
      options,
    );
  }

  subscribeToAll(options: Options = {}): ScriptedSubscription {
    const subscription = new ScriptedSubscription();
    this.calls.push({ method: 'subscribeToAll', options });
    this.subscriptions.push(subscription);
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** Writes events to the log as the server would, and answers as the client does. */
  appendToLog(stream: string, ids: string[]): AppendAnswer {
    let revision = this.log.filter((event) => event.streamId === stream).length - 1;
    let commit = Number(this.log[this.log.length - 1]?.position.commit ?? 0n);
    for (const id of ids) this.log.push({ ...logRecord((commit += 10), stream, 'Happened', ++revision), id });
    return {
      success: true,
      nextExpectedRevision: BigInt(revision),
      position: { commit: BigInt(commit), prepare: BigInt(commit) },
    };
  }

  private startRead<Record>(
    method: 'readAll' | 'readStream',
    options: Options,
    records: Record[],
    stream?: string,
  ): ScriptedRead<Record> {
    const read = new ScriptedRead(records, this.readScripts.shift());
    this.calls.push({ method, stream, options, read: read as ScriptedRead<unknown> });
    return read;
  }

  /** Client 6.2.1's $all page: inclusive of its start position, in either direction. */
  private page(log: readonly LogRecord[], options: Options): LogRecord[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    const start = (event: LogRecord) => {
      if (from === 'start' || from === 'end' || from === undefined) return true;
      const { commit } = from as Position;
      return backwards ? event.position.commit <= commit : event.position.commit >= commit;
    };
    const ordered = backwards ? [...log].reverse() : log;
    return ordered.filter(start).slice(0, options.maxCount ?? ordered.length);
  }
}
