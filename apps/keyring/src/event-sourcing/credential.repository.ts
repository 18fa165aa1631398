/**
 * Loads credential states and appends their events. States are cached with
 * their revision, and a load reads only the events after the cached revision,
 * so load cost does not grow with stream length; reading the tail keeps the
 * cache correct when other replicas append to the same stream.
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
  type StreamRevision,
} from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import type { CommandContext } from './command-context';
import { fromRecordedEvent, toNewEvent } from './event-envelope';
import { LruCache } from './lru-cache';

export interface LoadedCredential {
  readonly state: CredentialState;
  /** Revision of the stream's last event; null when the stream does not exist. */
  readonly revision: StreamRevision | null;
}

export interface AppendedCredential extends LoadedCredential {
  readonly revision: StreamRevision;
  readonly position: number;
}

@Injectable()
export class CredentialRepository {
  private readonly cache: LruCache<string, LoadedCredential>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEYRING_CONFIG) config: KeyringConfig,
  ) {
    this.cache = new LruCache(config.stateCacheSize);
  }

  async load(clientId: string): Promise<LoadedCredential> {
    let loaded: LoadedCredential = this.cache.get(clientId) ?? {
      state: initialCredentialState(),
      revision: null,
    };
    const fromRevision = loaded.revision === null ? 0 : loaded.revision + 1;
    const recorded = await this.store.readStream(credentialStreamName(clientId), { fromRevision });
    if (recorded.length > 0) {
      const state = recorded.map(fromRecordedEvent).reduce(evolve, loaded.state);
      loaded = { state, revision: recorded[recorded.length - 1].revision };
      this.remember(clientId, loaded);
    }
    return loaded;
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
    const result: AppendResult = await this.store.append(
      credentialStreamName(clientId),
      events.map((event) => toNewEvent(event, context, causationId, now)),
      expected,
    );
    const appended: AppendedCredential = {
      state: events.reduce(evolve, loaded.state),
      revision: result.nextExpectedRevision,
      position: result.position,
    };
    // With `any` the append may land after events this process has not seen, so the cached entry stays at
    // the revision it knows; the next load reads the tail, this append included, on top of it.
    if (expected === (loaded.revision ?? NO_STREAM)) this.remember(clientId, appended);
    return appended;
  }

  private remember(clientId: string, loaded: LoadedCredential): void {
    const cached = this.cache.get(clientId);
    // Concurrent commands finish in any order; never replace a newer state with an older one.
    if (cached?.revision != null && loaded.revision !== null && cached.revision >= loaded.revision) return;
    this.cache.set(clientId, loaded);
  }
}
