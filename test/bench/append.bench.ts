/**
 * Append throughput of the SQLite event store with group commit, against a
 * naive baseline that commits (and fsyncs) every append on its own.
 *
 *   node --require ./scripts/ts-register.js test/bench/append.bench.ts
 *
 * BENCH_SECONDS (default 5) sets each run's length; BENCH_DIR where the
 * temporary database files go (default: the OS temp directory);
 * BENCH_SYNCHRONOUS (FULL, the default, or NORMAL) both runs' durability;
 * BENCH_STREAMS (default 20) how many streams append concurrently.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NO_STREAM, SqliteEventStore, type ExpectedRevision, type NewEvent } from '@keyring/event-store';
import { openSqliteDatabase, type SynchronousMode } from '@keyring/event-store/sqlite/sqlite-database';

const CONCURRENT_STREAMS = Number(process.env.BENCH_STREAMS ?? 20);
const RUN_MILLISECONDS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const SYNCHRONOUS: SynchronousMode = process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';

/** Shaped like the hottest real event: one token issued by a credential. */
function tokenIssued(): NewEvent {
  const now = new Date();
  return {
    id: randomUUID(),
    type: 'TokenIssued',
    data: {
      jti: randomUUID(),
      scope: 'messaging:send numbers:read',
      sourceIp: '203.0.113.7',
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    },
    metadata: { actor: { clientId: randomUUID() }, requestId: randomUUID(), occurredAt: now.toISOString() },
  };
}

interface RunResult {
  readonly events: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

/** 20 streams, each awaiting its previous append before the next, with exact expected revisions. */
async function groupCommitRun(file: string) {
  const store = SqliteEventStore.open({ file, synchronous: SYNCHRONOUS });
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + RUN_MILLISECONDS;
  await Promise.all(
    Array.from({ length: CONCURRENT_STREAMS }, async () => {
      const stream = `credential-${randomUUID()}`;
      let expected: ExpectedRevision = NO_STREAM;
      while (performance.now() < deadline) {
        const appendStarted = performance.now();
        const result = await store.append(stream, [tokenIssued()], expected);
        latenciesMs.push(performance.now() - appendStarted);
        expected = result.nextExpectedRevision;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { transactions } = store.stats();
  await store.close();
  return { events: latenciesMs.length, seconds, latenciesMs, transactions };
}

/** The same schema, pragmas and checks, but one transaction (one fsync) per append, round-robin over the streams. */
function oneTransactionPerAppendRun(file: string): RunResult {
  const db = openSqliteDatabase({
    file,
    synchronous: SYNCHRONOUS,
    busyTimeoutMs: 5000,
    walAutocheckpointPages: 10_000,
  });
  const selectRevision = db
    .prepare<[string], number>('SELECT revision FROM streams WHERE stream = ?')
    .pluck();
  const insertEvent = db.prepare(
    'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const upsertRevision = db.prepare(
    'INSERT INTO streams (stream, revision) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision',
  );
  const appendOne = db.transaction((stream: string, expected: number, event: NewEvent) => {
    const actual = selectRevision.get(stream) ?? -1;
    if (actual !== expected) throw new Error(`conflict on ${stream}`);
    const revision = actual + 1;
    const data = JSON.stringify(event.data);
    const metadata = JSON.stringify(event.metadata);
    insertEvent.run(stream, revision, event.id, event.type, data, metadata, new Date().toISOString());
    upsertRevision.run(stream, revision);
  });

  const streams = Array.from({ length: CONCURRENT_STREAMS }, () => `credential-${randomUUID()}`);
  const revisions = streams.map(() => -1);
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + RUN_MILLISECONDS;
  for (let turn = 0; performance.now() < deadline; turn = (turn + 1) % CONCURRENT_STREAMS) {
    const appendStarted = performance.now();
    appendOne.immediate(streams[turn], revisions[turn], tokenIssued());
    revisions[turn]++;
    latenciesMs.push(performance.now() - appendStarted);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { events: latenciesMs.length, seconds, latenciesMs };
}

function percentile(sortedMs: readonly number[], fraction: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(fraction * sortedMs.length))];
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const directory = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'keyring-append-bench-'));
  try {
    const baseline = oneTransactionPerAppendRun(join(directory, 'baseline.sqlite'));
    const grouped = await groupCommitRun(join(directory, 'group-commit.sqlite'));
    const sorted = [...grouped.latenciesMs].sort((a, b) => a - b);
    const eventsPerSecond = grouped.events / grouped.seconds;
    const baselineEventsPerSecond = baseline.events / baseline.seconds;
    const report = {
      eventsPerSecond: Math.round(eventsPerSecond),
      baselineEventsPerSecond: Math.round(baselineEventsPerSecond),
      ratio: round(eventsPerSecond / baselineEventsPerSecond),
      p50Ms: round(percentile(sorted, 0.5), 3),
      p99Ms: round(percentile(sorted, 0.99), 3),
      concurrentStreams: CONCURRENT_STREAMS,
      seconds: round(grouped.seconds),
      events: grouped.events,
      transactions: grouped.transactions,
      eventsPerTransaction: round(grouped.events / grouped.transactions, 1),
      baselineP50Ms: round(
        percentile(
          [...baseline.latenciesMs].sort((a, b) => a - b),
          0.5,
        ),
        3,
      ),
      synchronous: SYNCHRONOUS,
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
