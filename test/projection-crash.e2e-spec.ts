/**
 * Crash safety of the projection: a process running the service's projector
 * while appending is killed with SIGKILL, again and again, at whatever point
 * it has reached, often between an append and its projection. After each
 * kill the projector starts again from its checkpoint; the read models then
 * equal a fresh rebuild from the event store, and no event was applied twice.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '@keyring/event-store';
import { ProjectionLoop } from '../apps/keyring/src/projection/projection-loop';
import { openReadModelDatabase } from '../apps/keyring/src/projection/read-model-database';
import { ReadModelProjection, readCheckpoint } from '../apps/keyring/src/projection/read-model-projection';
import { rebuildProjections } from '../apps/keyring/src/projection/rebuild-projections';
import { dumpReadModels } from '../apps/keyring/src/projection/testing/read-model-dump';

const ROOT = path.resolve(__dirname, '..');
const CHILD = path.join(ROOT, 'test/support/projector-under-load.ts');
const REGISTER = path.join(ROOT, 'scripts/ts-register.js');

/**
 * Starts the child and kills it with SIGKILL: after it has reported
 * `bursts` bursts of appends, or, when `freezeMarker` is given, once it has
 * appended without projecting and written that marker file.
 */
function runAndKill(
  eventsFile: string,
  readModelFile: string,
  bursts: number,
  freezeMarker?: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(
      CHILD,
      [eventsFile, readModelFile, ...(freezeMarker ? ['freeze', freezeMarker] : [])],
      {
        execArgv: ['--require', REGISTER],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      },
    );
    let stderr = '';
    let reported = 0;
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('message', () => {
      if (++reported === bursts) child.kill('SIGKILL');
    });
    const frozen = freezeMarker
      ? setInterval(() => fs.existsSync(freezeMarker) && child.kill('SIGKILL'), 10)
      : undefined;
    child.on('exit', (code, signal) => {
      clearInterval(frozen);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited with ${code}: ${stderr}`));
    });
  });
}

/** Restarts projection the way the service does on start: the real projector, from its checkpoint. */
async function catchUp(store: SqliteEventStore, db: Database.Database): Promise<void> {
  const projector = new ProjectionLoop(store, new ReadModelProjection(db), 10, {
    progressed: () => undefined,
    failed: () => undefined,
  });
  while ((await projector.projectOnce()) > 0);
}

describe('a projector killed between an append and its projection', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-crash-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('resumes from its checkpoint to the same read models as a fresh rebuild, applying no event twice', async () => {
    const eventsFile = path.join(directory, 'events.sqlite');
    const readModelFile = path.join(directory, 'read-models.sqlite');
    const lagsAtKill: number[] = [];

    // Rounds 1-3 die wherever the work has got to (often mid-batch); round 4 between an append and its projection.
    for (let round = 1; round <= 4; round++) {
      const freezeMarker = round === 4 ? path.join(directory, 'frozen') : undefined;
      await runAndKill(eventsFile, readModelFile, 1 + (round % 3), freezeMarker);
      const store = SqliteEventStore.open({ file: eventsFile });
      const db = openReadModelDatabase({ file: readModelFile });
      try {
        const head = await store.headPosition();
        lagsAtKill.push(head - readCheckpoint(db).position);

        await catchUp(store, db);

        const checkpoint = readCheckpoint(db);
        expect(checkpoint.position).toBe(head);
        // Every event counted once: a replayed batch would have counted its events again.
        expect(checkpoint.eventsApplied).toBe(head);
        expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(head);
        const fresh = openReadModelDatabase({ file: path.join(directory, `fresh-${round}.sqlite`) });
        try {
          await rebuildProjections(store, fresh);
          expect(dumpReadModels(db)).toEqual(dumpReadModels(fresh));
        } finally {
          fresh.close();
        }
      } finally {
        db.close();
        await store.close();
      }
    }
    // The last kill did land between appends and their projection.
    expect(lagsAtKill[3]).toBeGreaterThan(0);
  }, 60_000);
});
