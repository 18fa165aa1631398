/**
 * Rebuilds every read model and the audit log from position 0. The reset
 * (tables emptied, checkpoint at 0) is one transaction; the replay is then
 * ordinary checkpointed batches, so an interrupted rebuild resumes where it
 * stopped, and a running service's projector simply helps. The query
 * indexes are built once at the end (and by the next open, if the rebuild
 * was cut short).
 */
import type Database from 'better-sqlite3';
import type { EventStore, GlobalPosition, RecordedEvent } from '@keyring/event-store';
import { createSecondaryIndexes, resetReadModelsForLoading } from './read-model-schema';
import { type Checkpoint, ReadModelProjection } from './read-model-projection';

/** Larger than the live projector's batches: nobody waits on a rebuild's event loop. */
export const REBUILD_BATCH_SIZE = 5000;

export interface RebuildProgress {
  /** Events applied so far. */
  readonly done: number;
  /** Events in the store when the rebuild started (approximately: positions need not be contiguous). */
  readonly total: number;
  readonly position: GlobalPosition;
}

/** WAL pages between checkpoints while loading: each checkpoint rewrites the hot index pages. */
const LOADING_WAL_AUTOCHECKPOINT = 100_000;

export async function rebuildProjections(
  store: EventStore,
  db: Database.Database,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<Checkpoint> {
  const walAutocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${LOADING_WAL_AUTOCHECKPOINT}`);
  try {
    return await load(store, db, onProgress);
  } finally {
    db.pragma(`wal_autocheckpoint = ${walAutocheckpoint}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  }
}

async function load(
  store: EventStore,
  db: Database.Database,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<Checkpoint> {
  resetReadModelsForLoading(db);
  const projection = new ReadModelProjection(db);
  const total = await store.headPosition();
  let checkpoint = projection.checkpoint();
  let batch: RecordedEvent[] = [];
  const flush = (): void => {
    for (;;) {
      // Another projector (a running service) may have applied part of the batch; apply the rest.
      const from = checkpoint.position;
      const pending = batch.filter((event) => event.position > from);
      if (pending.length === 0) break;
      const applied = projection.apply(pending, from);
      checkpoint = applied ?? projection.checkpoint();
      if (applied) break;
    }
    batch = [];
    onProgress?.({ done: checkpoint.eventsApplied, total, position: checkpoint.position });
  };
  for await (const event of store.readAll()) {
    if (event.position <= checkpoint.position) continue;
    batch.push(event);
    if (batch.length >= REBUILD_BATCH_SIZE) flush();
  }
  if (batch.length > 0) flush();
  createSecondaryIndexes(db);
  return checkpoint;
}
