/** Opens the configured event store; shared by the service's module, its projector thread and the CLI. */
import { EventStoreDbEventStore, type EventStore, SqliteEventStore } from '@keyring/event-store';
import { redactConnectionString } from '../config/environment';
import type { KeyringConfig } from '../config/keyring-config';

/** EventStoreDB was chosen but does not answer: the service cannot start, and says where it looked. */
export class EventStoreUnreachableError extends Error {
  constructor(connectionString: string, cause: unknown) {
    super(
      `EVENT_STORE=esdb, but EventStoreDB at ${redactConnectionString(connectionString)} does not answer ` +
        `(${cause instanceof Error ? cause.message : String(cause)}). Start it (docker compose up eventstore) ` +
        'or correct EVENTSTORE_CONNECTION_STRING',
    );
    this.name = 'EventStoreUnreachableError';
  }
}

export async function openEventStore(
  config: KeyringConfig,
  { quickCheck = false }: { readonly quickCheck?: boolean } = {},
): Promise<EventStore> {
  const { eventStore } = config;
  if (eventStore.kind === 'sqlite') {
    return SqliteEventStore.open({
      file: eventStore.sqliteFile,
      synchronous: eventStore.sqliteSynchronous,
      quickCheck,
    });
  }
  const connectionString = eventStore.connectionString ?? '';
  try {
    return await EventStoreDbEventStore.connect(connectionString);
  } catch (error) {
    throw new EventStoreUnreachableError(connectionString, error);
  }
}
