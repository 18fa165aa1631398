/**
 * Snapshots of credential states, so that loading a credential nobody has
 * asked about since the process started reads only the events after its
 * latest snapshot, not years of token events. They are derived data, kept
 * beside the event store whichever store it is, and a cache in every sense:
 * a missing, unreadable or outdated snapshot just means a longer read.
 */
import type { ExistingCredential } from '@keyring/domain';
import type { StreamRevision } from '@keyring/event-store';

export interface CredentialSnapshot {
  readonly state: ExistingCredential;
  /** The revision of the last event folded into `state`. */
  readonly revision: StreamRevision;
  /** That event's id: a snapshot whose event is not in the store at that revision is not this stream's. */
  readonly eventId: string;
}

export interface CredentialSnapshots {
  load(clientId: string): CredentialSnapshot | null;
  save(clientId: string, snapshot: CredentialSnapshot): void;
  close(): void;
}

export const CREDENTIAL_SNAPSHOTS = Symbol('CREDENTIAL_SNAPSHOTS');

/** SNAPSHOT_EVERY=0. */
export const NO_SNAPSHOTS: CredentialSnapshots = {
  load: () => null,
  save: () => undefined,
  close: () => undefined,
};
