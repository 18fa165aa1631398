/** Opens the configured event store; shared by the service's module and the CLI. */
import { type EventStore, SqliteEventStore } from '@keyring/event-store';
import type { KeyringConfig } from '../config/keyring-config';

export async function openEventStore(config: KeyringConfig): Promise<EventStore> {
  return SqliteEventStore.open({
    file: config.eventStore.sqliteFile,
    synchronous: config.eventStore.sqliteSynchronous,
  });
}
