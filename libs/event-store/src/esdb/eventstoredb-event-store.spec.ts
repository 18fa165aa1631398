import { eventStoreContract } from '../event-store.contract';

// The adapter arrives in a later issue; until then the suite is registered and visibly skipped.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

eventStoreContract('EventStoreDB', {
  open: () => Promise.reject(new Error('EventStoreDB adapter not implemented yet')),
  skip: connectionString
    ? 'EventStoreDB adapter not implemented yet'
    : 'no EVENTSTORE_CONNECTION_STRING; set it to run this suite against a server',
});
