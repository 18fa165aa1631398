/**
 * The projector's thread. Projection is pure CPU and SQLite work; on the
 * main thread it would take turns with every request (a batch of token
 * events takes milliseconds). Here it has its own connections to both
 * files and tells the main thread how far it has got.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { openEventStore } from '../platform/persistence/open-event-store';
import { alignWithStore } from './align-with-store';
import { ProjectionLoop } from './projection-loop';
import { openReadModelDatabase } from './read-model-database';
import { ReadModelProjection } from './read-model-projection';
import type { ProjectorMessage, ProjectorCommand } from './projector-messages';

async function run(port: NonNullable<typeof parentPort>, config: KeyringConfig): Promise<void> {
  const post = (message: ProjectorMessage) => port.postMessage(message);
  const store = await openEventStore(config);
  const db = openReadModelDatabase({ file: config.readModels.sqliteFile });
  const realigned = await alignWithStore(store, db);
  if (realigned) {
    post({
      type: 'warning',
      message:
        `The read models had reached position ${realigned.checkpoint}, past the event store's head ` +
        `${realigned.head} (events lost before they were durable, a restored backup, or another store); ` +
        'they were rebuilt from the store',
    });
  }
  const loop = new ProjectionLoop(store, new ReadModelProjection(db), config.readModels.pollIntervalMs, {
    progressed: (position) => post({ type: 'progressed', position }),
    failed: (message) => post({ type: 'failed', message }),
  });
  port.on('message', (command: ProjectorCommand) => {
    if (command === 'wake') return loop.wake();
    void loop.stop().then(async () => {
      db.close();
      await store.close();
      port.close();
    });
  });
  loop.start();
}

if (parentPort) {
  const port = parentPort;
  run(port, (workerData as { config: KeyringConfig }).config).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    port.close();
  });
}
