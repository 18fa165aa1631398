/**
 * A child process for the crash test: the service's own projector follows a
 * real SQLite event store while this process keeps appending credential
 * histories. After each burst of appends it tells the parent the new head,
 * so the parent can SIGKILL it between an append and its projection.
 * Usage: node --require ./test/support/ts-register.js test/support/projector-under-load.ts <events> <read-models>
 */
import { SqliteEventStore } from '@keyring/event-store';
import { parseEnvironment } from '../../apps/keyring/src/config/environment';
import { ProjectionProgress } from '../../apps/keyring/src/read-models/projection-progress';
import { Projector } from '../../apps/keyring/src/read-models/projector';
import { openReadModelDatabase } from '../../apps/keyring/src/read-models/read-model-database';
import { ReadModelProjection } from '../../apps/keyring/src/read-models/read-model-projection';
import { appendHistories } from '../../apps/keyring/src/read-models/testing/credential-histories';

async function main(eventsFile: string, readModelFile: string): Promise<void> {
  const store = SqliteEventStore.open({ file: eventsFile });
  const db = openReadModelDatabase({ file: readModelFile });
  const config = parseEnvironment({ PROJECTION_POLL_MS: '10' });
  const projector = new Projector(store, new ReadModelProjection(db), new ProjectionProgress(), config);
  projector.onApplicationBootstrap();
  for (;;) {
    await appendHistories(store, 20);
    process.send?.({ head: await store.headPosition() });
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
