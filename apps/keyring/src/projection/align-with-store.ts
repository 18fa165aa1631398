/**
 * Read models that are ahead of their event store saw events the store no
 * longer has: a power loss in the moment between an append's commit and its
 * sync (the projector may read a commit before it is durable), a restored
 * backup, or a switch to another store. Left alone, the projector would skip
 * the store's next events as already applied; so they are rebuilt instead.
 */
import type Database from 'better-sqlite3';
import type { EventStore, GlobalPosition } from '@keyring/event-store';
import { readCheckpoint } from './read-model-projection';
import { rebuildProjections } from './rebuild-projections';

export interface Realignment {
  readonly checkpoint: GlobalPosition;
  readonly head: GlobalPosition;
}

/** Rebuilds when the checkpoint lies past the store's head; says what it found when it did. */
export async function alignWithStore(store: EventStore, db: Database.Database): Promise<Realignment | null> {
  const { position: checkpoint } = readCheckpoint(db);
  const head = await store.headPosition();
  if (checkpoint <= head) return null;
  await rebuildProjections(store, db);
  return { checkpoint, head };
}
