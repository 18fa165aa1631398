/**
 * The repository against a real SQLite event store: a cached state is
 * brought up to date with only the events after its revision, whoever
 * appended them, and a state nobody cached starts from its latest snapshot,
 * so load cost does not grow with the stream's length.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CredentialEvent, decide, fold } from '@keyring/domain';
import { ANY, type EventStore, type ReadStreamOptions, SqliteEventStore } from '@keyring/event-store';
import { UNLIMITED_REACH } from '@keyring/domain';
import { SnapshotMac } from './snapshots/snapshot-mac';
import { parseEnvironment } from '../platform/config/environment';
import type { CommandContext } from '../platform/context/command-context';
import { CredentialRepository } from './credential.repository';
import { type CredentialSnapshots, NO_SNAPSHOTS } from './snapshots/credential-snapshots';
import { SqliteCredentialSnapshots } from './snapshots/sqlite-credential-snapshots';

const CONTEXT: CommandContext = {
  actor: { type: 'cli', id: 'spec', onBehalfOf: null },
  requestId: 'request-1',
  sourceIp: '127.0.0.1',
  correlationId: 'correlation-1',
  reach: UNLIMITED_REACH,
};
const NOW = new Date('2026-01-01T00:00:00.000Z');
const CLIENT_ID = '0b6f5c1e-8a8d-4f57-9d1a-3c2b1a0f9e8d';

/** The real store, counting how many events each load reads. */
class CountingStore {
  eventsRead = 0;
  constructor(readonly inner: SqliteEventStore) {}
  asEventStore(): EventStore {
    return new Proxy(this.inner, {
      get: (target, property, receiver) => {
        if (property !== 'readStream') return Reflect.get(target, property, receiver);
        return async (stream: string, options?: ReadStreamOptions) => {
          const events = await target.readStream(stream, options);
          this.eventsRead += events.length;
          return events;
        };
      },
    }) as EventStore;
  }
}

describe('loading a credential', () => {
  let directory: string;
  let store: SqliteEventStore;
  let counting: CountingStore;
  const repositoryWithCache = (size: number, snapshots: CredentialSnapshots = NO_SNAPSHOTS, every = 100) =>
    new CredentialRepository(
      counting.asEventStore(),
      {
        ...parseEnvironment({ DATA_DIR: directory }),
        stateCacheSize: size,
        snapshots: { sqliteFile: '', every },
      },
      snapshots,
    );

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-repository-'));
    store = SqliteEventStore.open({ file: path.join(directory, 'events.sqlite') });
    counting = new CountingStore(store);
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  async function createWithRenames(repository: CredentialRepository, renames: number): Promise<void> {
    const created = decide(
      {
        type: 'CreateCredential',
        clientId: CLIENT_ID,
        fields: { name: 'n0', environment: 'staging', accounts: ['1'], roles: ['reader'] },
        firstSecret: {
          secretId: 'a1b2c3d4-0000-4000-8000-000000000001',
          secretHash: 'ab'.repeat(32),
          hint: 'kr_sec_…abcd',
        },
      },
      fold([]),
      NOW,
    ).events;
    let loaded = await repository.append(
      CLIENT_ID,
      await repository.load(CLIENT_ID),
      created,
      CONTEXT,
      'c',
      NOW,
    );
    for (let index = 1; index <= renames; index++) {
      const renamed = decide({ type: 'UpdateCredential', changes: { name: `n${index}` } }, loaded.state, NOW);
      loaded = await repository.append(CLIENT_ID, loaded, renamed.events, CONTEXT, 'c', NOW);
    }
  }

  it('reads only the events after the cached revision, however long the stream', async () => {
    const repository = repositoryWithCache(100);
    await createWithRenames(repository, 300);
    counting.eventsRead = 0;
    const loaded = await repository.load(CLIENT_ID);
    expect(loaded.revision).toBe(301);
    expect(loaded.state).toMatchObject({ name: 'n300' });
    expect(counting.eventsRead).toBe(0);
  });

  it('sees events another replica appended, reading just those', async () => {
    const ours = repositoryWithCache(100);
    const theirs = repositoryWithCache(100);
    await createWithRenames(ours, 3);
    const before = await theirs.load(CLIENT_ID);
    const renamed = decide(
      { type: 'UpdateCredential', changes: { name: 'from-elsewhere' } },
      before.state,
      NOW,
    );
    await theirs.append(CLIENT_ID, before, renamed.events, CONTEXT, 'c', NOW);

    counting.eventsRead = 0;
    const loaded = await ours.load(CLIENT_ID);
    expect(loaded.state).toMatchObject({ name: 'from-elsewhere' });
    expect(loaded.revision).toBe(5);
    expect(counting.eventsRead).toBe(1);
  });

  it('keeps its cached state across a refusal recorded without a revision check', async () => {
    const repository = repositoryWithCache(100);
    await createWithRenames(repository, 50);
    const loaded = await repository.load(CLIENT_ID);
    const decision = decide(
      {
        type: 'IssueToken',
        jti: 'jti-1',
        presentedSecretHash: 'cd'.repeat(32),
        sourceIp: '10.0.0.1',
        requestedScope: null,
        lifetimeSeconds: 3600,
      },
      loaded.state,
      NOW,
    );
    expect(decision.refusal).toMatchObject({ code: 'INVALID_CLIENT_SECRET' });
    expect(decision.events).toHaveLength(1);
    await repository.append(CLIENT_ID, loaded, decision.events, CONTEXT, 'c', NOW, ANY);

    counting.eventsRead = 0;
    const after = await repository.load(CLIENT_ID);
    expect(after.revision).toBe(52);
    expect(after.state).toEqual(loaded.state);
    expect(counting.eventsRead).toBe(1);
  });

  it('knows a loaded state is still the latest until this process appends to the credential', async () => {
    const repository = repositoryWithCache(100);
    await createWithRenames(repository, 2);
    const loaded = await repository.load(CLIENT_ID);
    expect(repository.isLatestKnown(CLIENT_ID, loaded)).toBe(true);

    const renamed = decide({ type: 'UpdateCredential', changes: { name: 'later' } }, loaded.state, NOW);
    await repository.append(CLIENT_ID, loaded, renamed.events, CONTEXT, 'c', NOW);
    expect(repository.isLatestKnown(CLIENT_ID, loaded)).toBe(false);
    expect(repository.isLatestKnown(CLIENT_ID, await repository.load(CLIENT_ID))).toBe(true);
  });

  it('folds the whole stream when nothing is cached', async () => {
    await createWithRenames(repositoryWithCache(0), 10);
    counting.eventsRead = 0;
    const loaded = await repositoryWithCache(0).load(CLIENT_ID);
    expect(loaded.state).toMatchObject({ name: 'n10' });
    expect(counting.eventsRead).toBe(12);
  });

  describe('from snapshots', () => {
    let snapshots: SqliteCredentialSnapshots;
    beforeEach(() => {
      snapshots = SqliteCredentialSnapshots.open(
        path.join(directory, 'snapshots.sqlite'),
        SnapshotMac.fromPepper(Buffer.alloc(32, 7)),
      );
    });
    afterEach(() => snapshots.close());

    it('starts a credential nobody cached from its latest snapshot, reading only the events after it', async () => {
      await createWithRenames(repositoryWithCache(100, snapshots), 300);
      const fresh = repositoryWithCache(0, snapshots);
      counting.eventsRead = 0;
      const loaded = await fresh.load(CLIENT_ID);
      // Snapshots at revisions 99, 199 and 299: the load reads 299 (to check it) and the two after it.
      expect(counting.eventsRead).toBe(3);
      expect(loaded.revision).toBe(301);
      const whole = await store.readStream('credential-' + CLIENT_ID);
      expect(loaded.state).toEqual(
        fold(whole.map((event) => ({ type: event.type, data: event.data }) as CredentialEvent)),
      );
    });

    it('snapshots a long stream on its first full load, so the next cold load is short', async () => {
      await createWithRenames(repositoryWithCache(100), 250);
      counting.eventsRead = 0;
      await repositoryWithCache(0, snapshots).load(CLIENT_ID);
      expect(counting.eventsRead).toBe(252);
      counting.eventsRead = 0;
      const loaded = await repositoryWithCache(0, snapshots).load(CLIENT_ID);
      expect(counting.eventsRead).toBe(1);
      expect(loaded.state).toMatchObject({ name: 'n250' });
    });

    it('ignores a snapshot of a stream that is no longer stored that way, and reads it whole', async () => {
      await createWithRenames(repositoryWithCache(100, snapshots), 150);
      // Another event store (a restored backup, say) with a different history under the same client id.
      await store.close();
      fs.rmSync(path.join(directory, 'events.sqlite'));
      store = SqliteEventStore.open({ file: path.join(directory, 'events.sqlite') });
      counting = new CountingStore(store);
      await createWithRenames(repositoryWithCache(100), 120);

      counting.eventsRead = 0;
      const loaded = await repositoryWithCache(0, snapshots).load(CLIENT_ID);
      expect(loaded.state).toMatchObject({ name: 'n120' });
      expect(loaded.revision).toBe(121);
      // The tail from the snapshot's revision (99..121) shows the snapshot's event is not there; then all 122.
      expect(counting.eventsRead).toBe(23 + 122);
    });
  });
});
