/** Event-store files in the states the start-up checks must catch, for tests. */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { NO_STREAM } from '../../event-store.port';
import { SqliteEventStore } from '../sqlite-event-store';

/** A store with some events, closed (its WAL checkpointed into the file). */
export async function storeWithEvents(file: string, count = 200): Promise<void> {
  const store = SqliteEventStore.open({ file });
  for (let index = 0; index < count; index++) {
    await store.append(
      `stream-${index}`,
      [{ id: randomUUID(), type: 'Happened', data: { index }, metadata: {} }],
      NO_STREAM,
    );
  }
  await store.close();
}

/** Writes garbage over the header of the file's second page, as a torn or stray write would. */
export function damagePageHeader(file: string, page = 2): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) || 65536;
  bytes.fill(0xff, (page - 1) * pageSize, (page - 1) * pageSize + 12);
  writeFileSync(file, bytes);
}
