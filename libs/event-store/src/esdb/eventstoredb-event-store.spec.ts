import { eventStoreContract } from '../event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// No EventStoreDB server runs on the development machines: the suite runs where one is given, and
// otherwise is registered as skipped and says so.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

eventStoreContract('EventStoreDB', {
  open: () => EventStoreDbEventStore.connect(connectionString!),
  // The data lives on the server: reconnecting is reopening.
  reopen: async (store) => {
    await store.close();
    return EventStoreDbEventStore.connect(connectionString!);
  },
  skip: connectionString
    ? undefined
    : 'no EVENTSTORE_CONNECTION_STRING; set it to run this suite against a server',
});
