/**
 * A child process for the crash test: the service's own projection loop follows a
 * real SQLite event store while this process keeps appending credential
 * histories, telling the parent the new head after each burst, so the
 * parent can SIGKILL it at whatever point it has reached.
 *
 * With a third argument `freeze`, it instead stops projecting, appends one
 * more burst, writes the marker file named by the fourth argument and
 * blocks: killed there, it dies between an append and its projection for
 * certain.
 *
 * Usage: node --require ./scripts/ts-register.js test/support/projector-under-load.ts
 *          <events file> <read-model file> [freeze <marker file>]
 */
import { writeFileSync } from 'node:fs';
import { SqliteEventStore } from '@keyring/event-store';
import { ProjectionLoop } from '../../apps/keyring/src/projection/projection-loop';
import { openReadModelDatabase } from '../../apps/keyring/src/projection/read-model-database';
import { ReadModelProjection } from '../../apps/keyring/src/projection/read-model-projection';
import { appendHistories } from '../../apps/keyring/src/projection/testing/credential-histories';

async function main([eventsFile, readModelFile, mode, marker]: string[]): Promise<void> {
  const store = SqliteEventStore.open({ file: eventsFile });
  const db = openReadModelDatabase({ file: readModelFile });
  const projector = new ProjectionLoop(store, new ReadModelProjection(db), 10, {
    progressed: () => undefined,
    failed: () => undefined,
  });
  store.onAppended(() => projector.wake());
  projector.start();
  if (mode === 'freeze') {
    await appendHistories(store, 5);
    await projector.stop();
    await appendHistories(store, 5);
    writeFileSync(marker, String(await store.headPosition()));
    // Blocks the thread without spinning until the parent's SIGKILL arrives.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
  for (;;) {
    await appendHistories(store, 20);
    process.send?.({ head: await store.headPosition() });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
