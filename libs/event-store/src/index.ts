export * from './event-store.port';
export * from './errors';
export { satisfiesExpectedRevision } from './expected-revision';
export { assertValidAppend } from './append-validation';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { AppendBatchStats } from './sqlite/append-batch-writer';
export type { SqliteConnectionSettings, SynchronousMode } from './sqlite/sqlite-database';
export { EventStoreDbEventStore, type EventStoreDbOptions } from './esdb/eventstoredb-event-store';
export { UnsupportedServerVersionError, MINIMUM_SERVER_VERSION } from './esdb/server-version';
export {
  preparePrivateDirectory,
  preparePrivateFile,
  PRIVATE_DIRECTORY_MODE,
  PRIVATE_FILE_MODE,
} from './sqlite/private-files';
