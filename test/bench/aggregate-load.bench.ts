/**
 * Aggregate load time against stream length: how long the service's
 * repository takes to load a credential nobody has cached (the first request
 * after a restart), by folding its whole stream — the baseline, measured in
 * the same run — and by starting from its latest snapshot, which lies half
 * the snapshot interval behind the stream's end, as on average it does.
 *
 *   npm run bench:load
 *
 * BENCH_LENGTHS (default 1000,10000,100000) the stream lengths in events;
 * BENCH_SNAPSHOT_EVERY (default 100) events between snapshots.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type CredentialEvent,
  type CredentialState,
  credentialStreamName,
  type Decision,
  decide,
  evolve,
  initialCredentialState,
} from '@keyring/domain';
import { type ExpectedRevision, NO_STREAM, SqliteEventStore } from '@keyring/event-store';
import { UNLIMITED_REACH } from '@keyring/domain';
import { parseEnvironment } from '../../apps/keyring/src/platform/config/environment';
import type { CommandContext } from '../../apps/keyring/src/platform/context/command-context';
import { CredentialRepository } from '../../apps/keyring/src/credential-store/credential.repository';
import { toNewEvent } from '../../apps/keyring/src/credential-store/event-envelope';
import {
  type CredentialSnapshots,
  NO_SNAPSHOTS,
} from '../../apps/keyring/src/credential-store/snapshots/credential-snapshots';
import { SnapshotMac } from '../../apps/keyring/src/credential-store/snapshots/snapshot-mac';
import { SqliteCredentialSnapshots } from '../../apps/keyring/src/credential-store/snapshots/sqlite-credential-snapshots';

const LENGTHS = (process.env.BENCH_LENGTHS ?? '1000,10000,100000').split(',').map(Number);
const SNAPSHOT_EVERY = Number(process.env.BENCH_SNAPSHOT_EVERY ?? 100);
const SECRET_HASH = 'ab'.repeat(32);
const CONTEXT: CommandContext = {
  actor: { type: 'cli', id: 'bench', onBehalfOf: null },
  requestId: 'bench',
  sourceIp: '203.0.113.7',
  correlationId: 'bench',
  reach: UNLIMITED_REACH,
};

/** A credential that obtained a five-minute token every minute (so its 90-day secret lasts 129k events). */
async function writeStream(
  store: SqliteEventStore,
  clientId: string,
  length: number,
  /** Called once, when all but the last `tail` events are written. */
  beforeTail: { readonly tail: number; readonly run: () => Promise<unknown> },
): Promise<void> {
  let state: CredentialState = initialCredentialState();
  let now = new Date('2020-01-01T00:00:00Z');
  let expected: ExpectedRevision = NO_STREAM;
  let pending: CredentialEvent[] = [];
  const flush = async () => {
    const newEvents = pending.map((event) => toNewEvent(event, CONTEXT, 'bench', now));
    expected = (await store.append(credentialStreamName(clientId), newEvents, expected)).nextExpectedRevision;
    pending = [];
  };
  const record = ({ events, refusal }: Decision) => {
    if (refusal) throw refusal;
    for (const event of events) state = evolve(state, event);
    pending.push(...events);
  };
  record(
    decide(
      {
        type: 'CreateCredential',
        clientId,
        fields: { name: 'busy', environment: 'production', accounts: ['1'], roles: ['reader'], apis: ['a'] },
        firstSecret: { secretId: randomUUID(), secretHash: SECRET_HASH, hint: 'kr_sec_…abcd' },
      },
      state,
      now,
    ),
  );
  for (let written = 2; written < length; written++) {
    now = new Date(now.getTime() + 60_000);
    const command = {
      type: 'IssueToken' as const,
      jti: randomUUID(),
      presentedSecretHash: SECRET_HASH,
      sourceIp: '203.0.113.7',
      requestedScope: null,
      lifetimeSeconds: 300,
    };
    record(decide(command, state, now));
    if (pending.length >= 1000 || written === length - beforeTail.tail - 1) await flush();
    if (written === length - beforeTail.tail - 1) await beforeTail.run();
  }
  if (pending.length > 0) await flush();
}

function repository(store: SqliteEventStore, directory: string, snapshots: CredentialSnapshots) {
  const config = parseEnvironment({ DATA_DIR: directory });
  return new CredentialRepository(
    store,
    { ...config, stateCacheSize: 0, snapshots: { ...config.snapshots, every: SNAPSHOT_EVERY } },
    snapshots,
  );
}

async function medianLoadMs(load: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await load();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'keyring-bench-load-'));
  const store = SqliteEventStore.open({ file: join(directory, 'events.sqlite'), synchronous: 'NORMAL' });
  const snapshots = SqliteCredentialSnapshots.open(
    join(directory, 'snapshots.sqlite'),
    SnapshotMac.fromPepper(Buffer.alloc(32, 1)),
  );
  try {
    const rows = [];
    for (const length of LENGTHS) {
      const clientId = randomUUID();
      const whole = repository(store, directory, NO_SNAPSHOTS);
      const fromSnapshot = repository(store, directory, snapshots);
      // A cold load folds the stream and snapshots it; the stream then grows by half an interval.
      await writeStream(store, clientId, length, {
        tail: Math.floor(SNAPSHOT_EVERY / 2),
        run: () => fromSnapshot.load(clientId),
      });
      const wholeMs = await medianLoadMs(() => whole.load(clientId));
      const snapshotMs = await medianLoadMs(() => fromSnapshot.load(clientId));
      rows.push({
        events: length,
        wholeStreamMs: Number(wholeMs.toFixed(2)),
        fromSnapshotMs: Number(snapshotMs.toFixed(2)),
        speedup: Number((wholeMs / snapshotMs).toFixed(1)),
      });
    }
    process.stdout.write(
      `${JSON.stringify({ benchmark: 'aggregate-load', snapshotEvery: SNAPSHOT_EVERY, rows }, null, 2)}\n`,
    );
  } finally {
    snapshots.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
