/** `projections rebuild`: every read model and the audit log, projected again from the event store. */
import type { KeyringConfig } from '../platform/config/keyring-config';
import { rebuildProjections } from '../projection/rebuild-projections';
import { printLine } from './cli-output';
import { withEventStore, withReadModels } from './keyring-files';
import { eventsPerSecond, formatCount, formatDuration } from './progress-figures';
import { progressReporter } from './progress-bar';

export async function runProjectionsRebuild(config: KeyringConfig): Promise<number> {
  const startedAt = Date.now();
  const checkpoint = await withEventStore(config, (store) =>
    // 'any': a missing or outdated read-model file is exactly what a rebuild is for.
    withReadModels(config, 'any', async (db) => {
      const progress = progressReporter('Rebuilding');
      try {
        const rebuilt = await rebuildProjections(store, db, ({ done, total }) =>
          progress.update(done, total),
        );
        progress.complete(rebuilt.eventsApplied);
        return rebuilt;
      } finally {
        progress.stop();
      }
    }),
  );
  const elapsed = Date.now() - startedAt;
  printLine(
    `Projections rebuilt: ${formatCount(checkpoint.eventsApplied)} events applied, checkpoint at position ` +
      `${checkpoint.position}, in ${formatDuration(elapsed)} ` +
      `(${formatCount(eventsPerSecond(checkpoint.eventsApplied, elapsed))} events/s).`,
  );
  return 0;
}
