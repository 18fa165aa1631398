/**
 * Projection rebuild throughput: builds an event store of a realistic mix
 * (see replay-events.ts), then times a full `rebuildProjections` into a
 * fresh read-model file, twice, against the raw rate of reading and parsing
 * the same log through `readAll`, so the ratio shows what projecting adds.
 *
 *   npm run bench:replay
 *
 * BENCH_EVENTS (default 1 000 000) the log's length; BENCH_CREDENTIALS
 * (default 2000) how many credentials it holds; BENCH_DIR where the run's
 * directory is made (default: the OS temp directory), which is deleted at
 * the end unless BENCH_KEEP=1; BENCH_CPU_PROFILE a file to write a V8 CPU
 * profile of the first rebuild to (open it in Chrome DevTools or speedscope).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@keyring/event-store';
import { openReadModelDatabase } from '../../apps/keyring/src/projection/read-model-database';
import {
  type RebuildProgress,
  rebuildProjections,
} from '../../apps/keyring/src/projection/rebuild-projections';
import { type ReplayAppend, replayAppends } from './replay-events';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CREDENTIALS = Number(process.env.BENCH_CREDENTIALS ?? 2000);
const KEEP = process.env.BENCH_KEEP === '1';
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
/** Appends handed to the store in one tick; group commit writes each such chunk as one transaction. */
const APPENDS_PER_TICK = 2000;

interface Timed {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

const timed = (events: number, startedAt: number): Timed => {
  const seconds = (performance.now() - startedAt) / 1000;
  return { events, seconds: round(seconds), eventsPerSecond: Math.round(events / seconds) };
};

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
const megabytes = (file: string): number => {
  const size = (path: string): number => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  return round((size(file) + size(`${file}-wal`)) / 1_048_576, 1);
};
const line = (label: string, { events, seconds, eventsPerSecond }: Timed, extra = ''): void =>
  console.log(`${label}: ${events} events in ${seconds} s = ${eventsPerSecond} events/s${extra}`);

async function buildStore(file: string) {
  const store = SqliteEventStore.open({ file, synchronous: 'NORMAL', maxBatchSize: APPENDS_PER_TICK });
  const eventTypes: Record<string, number> = {};
  let events = 0;
  let chunk: ReplayAppend[] = [];
  let appendingMs = 0;
  const appendChunk = async () => {
    const appendStartedAt = performance.now();
    await Promise.all(chunk.map(({ stream, events, expected }) => store.append(stream, events, expected)));
    appendingMs += performance.now() - appendStartedAt;
    chunk = [];
  };
  const startedAt = performance.now();
  for (const append of replayAppends({
    events: EVENTS,
    credentials: CREDENTIALS,
    start: new Date('2025-01-01'),
  })) {
    for (const event of append.events) eventTypes[event.type] = (eventTypes[event.type] ?? 0) + 1;
    events += append.events.length;
    chunk.push(append);
    if (chunk.length >= APPENDS_PER_TICK) await appendChunk();
  }
  await appendChunk();
  await store.close();
  const { transactions } = store.stats();
  return { ...timed(events, startedAt), eventTypes, transactions, appendSeconds: round(appendingMs / 1000) };
}

async function readAndParse(store: SqliteEventStore): Promise<Timed> {
  const startedAt = performance.now();
  let events = 0;
  let lastPosition = 0;
  for await (const event of store.readAll()) {
    events++;
    lastPosition = event.position;
  }
  if (lastPosition === 0) throw new Error('the event store is empty');
  return timed(events, startedAt);
}

async function rebuild(store: SqliteEventStore, readModelFile: string, profileFile?: string) {
  const db = openReadModelDatabase({ file: readModelFile });
  try {
    const session = profileFile ? await startProfiling() : undefined;
    const startedAt = performance.now();
    const checkpoint = await rebuildProjections(store, db, showProgress);
    const result = timed(checkpoint.eventsApplied, startedAt);
    if (session && profileFile) await stopProfiling(session, profileFile);
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    return { ...result, liveTokens: count('tokens'), auditEntries: count('audit_log') };
  } finally {
    db.close();
  }
}

/** Progress on a terminal only, so that redirected output stays one figure per line. */
function showProgress({ done, total }: RebuildProgress): void {
  if (process.stderr.isTTY) process.stderr.write(`\rrebuilding: ${done} of ${total} events`);
  if (process.stderr.isTTY && done >= total) process.stderr.write('\n');
}

async function startProfiling(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

async function stopProfiling(session: Session, file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

const mix = (eventTypes: Record<string, number>, total: number): string =>
  Object.entries(eventTypes)
    .sort(([, a], [, b]) => b - a)
    .map(([type, count]) => `${type} ${count} (${((100 * count) / total).toFixed(2)}%)`)
    .join(', ');

async function main(): Promise<void> {
  const parent = process.env.BENCH_DIR ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const directory = mkdtempSync(join(parent, 'keyring-replay-bench-'));
  const eventFile = join(directory, 'events.sqlite');
  const readModelFile = join(directory, 'read-models.sqlite');
  try {
    const built = await buildStore(eventFile);
    console.log(`event mix: ${mix(built.eventTypes, built.events)}`);
    line(
      'build',
      built,
      ` (${built.appendSeconds} s of it in append, the rest generating; ${built.transactions} transactions)`,
    );

    const store = SqliteEventStore.open({ file: eventFile });
    const raw = [await readAndParse(store), await readAndParse(store)];
    raw.forEach((run, index) => line(`raw read-and-parse #${index + 1}`, run));
    const rebuilds = [await rebuild(store, readModelFile, CPU_PROFILE), await rebuild(store, readModelFile)];
    await store.close();
    rebuilds.forEach((run, index) =>
      line(
        `rebuild #${index + 1}`,
        run,
        ` (${run.liveTokens} live tokens, ${run.auditEntries} audit entries)`,
      ),
    );

    const bestRaw = Math.max(...raw.map((run) => run.eventsPerSecond));
    const bestRebuild = Math.max(...rebuilds.map((run) => run.eventsPerSecond));
    const ratio = round(bestRebuild / bestRaw, 3);
    console.log(`rebuild/raw ratio (best of each): ${ratio}`);
    const eventFileMb = megabytes(eventFile);
    const readModelFileMb = megabytes(readModelFile);
    console.log(`event store file: ${eventFileMb} MB`);
    console.log(`read-model file: ${readModelFileMb} MB`);
    if (CPU_PROFILE) console.log(`CPU profile of rebuild #1: ${CPU_PROFILE}`);
    console.log(
      JSON.stringify({
        events: built.events,
        credentials: CREDENTIALS,
        buildEventsPerSecond: built.eventsPerSecond,
        buildSeconds: built.seconds,
        buildAppendSeconds: built.appendSeconds,
        rawEventsPerSecond: raw.map((run) => run.eventsPerSecond),
        rebuildEventsPerSecond: rebuilds.map((run) => run.eventsPerSecond),
        rebuildSeconds: rebuilds.map((run) => run.seconds),
        rebuildToRawRatio: ratio,
        eventFileMb,
        readModelFileMb,
        eventTypes: built.eventTypes,
      }),
    );
  } finally {
    if (KEEP) console.error(`kept ${directory}`);
    else rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
