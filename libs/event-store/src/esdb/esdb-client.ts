/**
 * The part of @eventstore/db-client's `EventStoreDBClient` the adapter uses,
 * so that unit specs can hand it a scripted stand-in (see `testing/`).
 */
import type { EventStoreDBClient } from '@eventstore/db-client';

export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/** The server's version as it reports it ("24.10.0.0"), or "unknown" when it has no ServerFeatures service. */
export type ServerVersionLookup = () => Promise<string>;

/**
 * Client 6.2.1 fetches the server's version (ServerFeatures, 21.10+) but keeps
 * it behind the protected `capabilities` getter; this reads it there, and is
 * the one place to change when the client exposes it. The call carries no
 * deadline of its own: callers bound it.
 */
export function serverVersionOf(client: EventStoreDBClient): ServerVersionLookup {
  const withCapabilities = client as unknown as { capabilities: Promise<{ serverVersion: string }> };
  return async () => (await withCapabilities.capabilities).serverVersion;
}
