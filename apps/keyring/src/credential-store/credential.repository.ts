/**
 * Loads credential states and appends their events. States are cached with
 * their revision, and a load reads only the events after the cached revision,
 * so load cost does not grow with stream length; reading the tail keeps the
 * cache correct when other replicas append to the same stream. A credential
 * not in the cache starts from its latest snapshot (one every SNAPSHOT_EVERY
 * events), so even the first load after a restart reads a short tail.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  credentialStreamName,
  type CredentialEvent,
  type CredentialState,
  evolve,
  initialCredentialState,
} from '@keyring/domain';
import {
  type AppendResult,
  EVENT_STORE,
  type EventStore,
  type ExpectedRevision,
  NO_STREAM,
  type RecordedEvent,
  type StreamRevision,
} from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import type { CommandContext } from '../platform/context/command-context';
import { appendRetryingUnknownOutcome } from './append-retrying-unknown-outcome';
import { fromRecordedEvent, toNewEvent } from './event-envelope';
import { LruCache } from './lru-cache';
import { CREDENTIAL_SNAPSHOTS, type CredentialSnapshots } from './snapshots/credential-snapshots';

export interface LoadedCredential {
  readonly state: CredentialState;
  /** Revision of the stream's last event; null when the stream does not exist. */
  readonly revision: StreamRevision | null;
}

export interface AppendedCredential extends LoadedCredential {
  readonly revision: StreamRevision;
  readonly position: number;
}

/** A cached state, with what snapshots need: its last event's id and the revision last snapshotted. */
interface CachedCredential extends LoadedCredential {
  readonly lastEventId: string | null;
  /** -1: none yet. */
  readonly snapshotRevision: number;
}

const NOTHING_LOADED: CachedCredential = {
  state: initialCredentialState(),
  revision: null,
  lastEventId: null,
  snapshotRevision: -1,
};

@Injectable()
export class CredentialRepository {
  private readonly cache: LruCache<string, CachedCredential>;
  private readonly snapshotEvery: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEYRING_CONFIG) config: KeyringConfig,
    @Inject(CREDENTIAL_SNAPSHOTS) private readonly snapshots: CredentialSnapshots,
  ) {
    this.cache = new LruCache(config.stateCacheSize);
    this.snapshotEvery = config.snapshots.every;
  }

  async load(clientId: string): Promise<LoadedCredential> {
    const stream = credentialStreamName(clientId);
    const cached = this.cache.get(clientId);
    if (cached) {
      const fromRevision = cached.revision === null ? 0 : cached.revision + 1;
      return this.catchUp(clientId, cached, await this.store.readStream(stream, { fromRevision }));
    }
    const snapshot = this.snapshots.load(clientId);
    if (snapshot) {
      // Read from the snapshot's own event: it proves the snapshot belongs to this stream as stored now.
      const recorded = await this.store.readStream(stream, { fromRevision: snapshot.revision });
      const [first] = recorded;
      if (first?.revision === snapshot.revision && first.id === snapshot.eventId) {
        const { state, revision, eventId } = snapshot;
        const base = { state, revision, lastEventId: eventId, snapshotRevision: revision };
        return this.catchUp(clientId, base, recorded.slice(1), true);
      }
    }
    return this.catchUp(clientId, NOTHING_LOADED, await this.store.readStream(stream, { fromRevision: 0 }));
  }

  /** Whether `loaded` is the newest state this process knows of the credential (nothing appended here since). */
  isLatestKnown(clientId: string, loaded: LoadedCredential): boolean {
    return loaded.revision !== null && this.cache.get(clientId)?.revision === loaded.revision;
  }

  private catchUp(
    clientId: string,
    from: CachedCredential,
    recorded: readonly RecordedEvent[],
    fromSnapshot = false,
  ): LoadedCredential {
    if (recorded.length === 0) {
      if (fromSnapshot) this.remember(clientId, from);
      return from;
    }
    const last = recorded[recorded.length - 1];
    const loaded: CachedCredential = {
      state: recorded.map(fromRecordedEvent).reduce(evolve, from.state),
      revision: last.revision,
      lastEventId: last.id,
      snapshotRevision: from.snapshotRevision,
    };
    return this.remember(clientId, loaded);
  }

  async append(
    clientId: string,
    loaded: LoadedCredential,
    events: readonly CredentialEvent[],
    context: CommandContext,
    causationId: string,
    now: Date,
    expected: ExpectedRevision = loaded.revision ?? NO_STREAM,
  ): Promise<AppendedCredential> {
    const newEvents = events.map((event) => toNewEvent(event, context, causationId, now));
    // Events (and their ids) are made once, outside the retry, so a retry is the same write.
    const stream = credentialStreamName(clientId);
    const result: AppendResult = await appendRetryingUnknownOutcome(this.store, stream, newEvents, expected);
    const appended: AppendedCredential & CachedCredential = {
      state: events.reduce(evolve, loaded.state),
      revision: result.nextExpectedRevision,
      position: result.position,
      lastEventId: newEvents[newEvents.length - 1].id,
      snapshotRevision: this.cache.get(clientId)?.snapshotRevision ?? -1,
    };
    // With `any` the append may land after events this process has not seen, so the cached entry stays at
    // the revision it knows; the next load reads the tail, this append included, on top of it.
    if (expected === (loaded.revision ?? NO_STREAM)) this.remember(clientId, appended);
    return appended;
  }

  /** Caches a state (unless a newer one is cached), snapshotting it when enough events have passed. */
  private remember<Loaded extends CachedCredential>(clientId: string, loaded: Loaded): Loaded {
    const cached = this.cache.get(clientId);
    // Concurrent commands finish in any order; never replace a newer state with an older one.
    if (cached?.revision != null && loaded.revision !== null && cached.revision >= loaded.revision)
      return loaded;
    this.cache.set(clientId, this.snapshotIfDue(clientId, loaded));
    return loaded;
  }

  private snapshotIfDue(clientId: string, loaded: CachedCredential): CachedCredential {
    const { state, revision, lastEventId } = loaded;
    const due =
      this.snapshotEvery > 0 && revision !== null && revision - loaded.snapshotRevision >= this.snapshotEvery;
    if (!due || state.status === 'absent' || lastEventId === null) return loaded;
    this.snapshots.save(clientId, { state, revision, eventId: lastEventId });
    return { ...loaded, snapshotRevision: revision };
  }
}
