/**
 * The snapshot file: a snapshot reads back as saved, an older one never
 * replaces a newer one, and a snapshot of another state version, or a file
 * that cannot be read, is no snapshot at all rather than an error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { CREDENTIAL_STATE_VERSION, type ExistingCredential } from '@keyring/domain';
import { SnapshotMac } from './snapshot-mac';
import { SqliteCredentialSnapshots } from './sqlite-credential-snapshots';

const MAC = SnapshotMac.fromPepper(Buffer.alloc(32, 3));

const CLIENT_ID = '0b6f5c1e-8a8d-4f57-9d1a-3c2b1a0f9e8d';

const state = (name: string): ExistingCredential => ({
  status: 'active',
  clientId: CLIENT_ID,
  name,
  description: '',
  environment: 'staging',
  accounts: ['1'],
  roles: ['reader'],
  apis: [],
  allowedIps: [],
  secretLifetimeDays: 90,
  createdAt: 1,
  updatedAt: 2,
  revokedAt: null,
  lastUsedAt: null,
  secrets: [],
  tokens: [],
});

describe('credential snapshots in SQLite', () => {
  let directory: string;
  let file: string;
  let snapshots: SqliteCredentialSnapshots;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-snapshots-'));
    file = path.join(directory, 'nested', 'snapshots.sqlite');
    snapshots = SqliteCredentialSnapshots.open(file, MAC);
  });
  afterEach(() => {
    snapshots.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('reads a snapshot back as it was saved, and nothing for a credential never saved', () => {
    snapshots.save(CLIENT_ID, { state: state('a'), revision: 99, eventId: 'e99' });
    expect(snapshots.load(CLIENT_ID)).toEqual({ state: state('a'), revision: 99, eventId: 'e99' });
    expect(snapshots.load('7c4f2a10-0000-4000-8000-000000000000')).toBeNull();
  });

  it('keeps the newest snapshot when an older one arrives late', () => {
    snapshots.save(CLIENT_ID, { state: state('newer'), revision: 199, eventId: 'e199' });
    snapshots.save(CLIENT_ID, { state: state('older'), revision: 99, eventId: 'e99' });
    expect(snapshots.load(CLIENT_ID)).toMatchObject({ revision: 199, state: { name: 'newer' } });
  });

  it('ignores a snapshot of another state version, and replaces it with one of this version', () => {
    const raw = new Database(file);
    raw
      .prepare(
        'INSERT INTO snapshots (client_id, state_version, revision, event_id, state, mac) VALUES (?, ?, ?, ?, ?, NULL)',
      )
      .run(CLIENT_ID, CREDENTIAL_STATE_VERSION + 1, 500, 'e500', '{"shape":"of the future"}');
    raw.close();
    expect(snapshots.load(CLIENT_ID)).toBeNull();
    snapshots.save(CLIENT_ID, { state: state('now'), revision: 99, eventId: 'e99' });
    expect(snapshots.load(CLIENT_ID)).toMatchObject({ revision: 99 });
  });

  it('answers no snapshot, and saves nothing, when the file cannot be used', () => {
    snapshots.close();
    expect(snapshots.load(CLIENT_ID)).toBeNull();
    expect(() => snapshots.save(CLIENT_ID, { state: state('a'), revision: 1, eventId: 'e1' })).not.toThrow();
    snapshots = SqliteCredentialSnapshots.open(file, MAC);
  });

  describe('a snapshot is trusted only with its MAC', () => {
    const forge = (
      change: (row: { state: string; mac: string }) => Partial<{ state: string; mac: string | null }>,
    ) => {
      const raw = new Database(file);
      const row = raw.prepare('SELECT state, mac FROM snapshots WHERE client_id = ?').get(CLIENT_ID) as {
        state: string;
        mac: string;
      };
      const forged = { ...row, ...change(row) };
      raw
        .prepare('UPDATE snapshots SET state = ?, mac = ? WHERE client_id = ?')
        .run(forged.state, forged.mac, CLIENT_ID);
      raw.close();
    };
    const withAdminRole = (json: string) => JSON.stringify({ ...JSON.parse(json), roles: ['keyring:admin'] });

    it('ignores a row whose state was changed without the key, and removes it so a genuine one replaces it', () => {
      snapshots.save(CLIENT_ID, { state: state('a'), revision: 5, eventId: 'e5' });
      forge((row) => ({ state: withAdminRole(row.state) }));
      expect(snapshots.load(CLIENT_ID)).toBeNull();
      snapshots.save(CLIENT_ID, { state: state('b'), revision: 3, eventId: 'e3' });
      expect(snapshots.load(CLIENT_ID)).toMatchObject({ revision: 3, state: { roles: ['reader'] } });
    });

    it('ignores a row without a MAC, or with the MAC of another row', () => {
      snapshots.save(CLIENT_ID, { state: state('a'), revision: 5, eventId: 'e5' });
      forge(() => ({ mac: null }));
      expect(snapshots.load(CLIENT_ID)).toBeNull();
      snapshots.save(CLIENT_ID, { state: state('a'), revision: 5, eventId: 'e5' });
      const genuine = new Database(file).prepare('SELECT mac FROM snapshots').pluck().get() as string;
      forge((row) => ({ state: withAdminRole(row.state), mac: genuine }));
      expect(snapshots.load(CLIENT_ID)).toBeNull();
    });

    it('does not trust a row sealed under another pepper', () => {
      snapshots.save(CLIENT_ID, { state: state('a'), revision: 5, eventId: 'e5' });
      snapshots.close();
      snapshots = SqliteCredentialSnapshots.open(file, SnapshotMac.fromPepper(Buffer.alloc(32, 4)));
      expect(snapshots.load(CLIENT_ID)).toBeNull();
    });

    it('starts afresh from a file written before snapshots carried a MAC', () => {
      snapshots.close();
      const raw = new Database(file);
      raw.exec('DROP TABLE snapshots');
      raw.exec(
        'CREATE TABLE snapshots (client_id TEXT PRIMARY KEY, state_version INTEGER NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL, state TEXT NOT NULL)',
      );
      raw
        .prepare('INSERT INTO snapshots VALUES (?, ?, ?, ?, ?)')
        .run(CLIENT_ID, CREDENTIAL_STATE_VERSION, 9, 'e9', JSON.stringify(state('old')));
      raw.close();
      snapshots = SqliteCredentialSnapshots.open(file, MAC);
      expect(snapshots.load(CLIENT_ID)).toBeNull();
    });

    it('creates the file readable by its owner only', () => {
      snapshots.save(CLIENT_ID, { state: state('a'), revision: 5, eventId: 'e5' });
      for (const name of fs.readdirSync(path.dirname(file))) {
        expect(fs.statSync(path.join(path.dirname(file), name)).mode & 0o777).toBe(0o600);
      }
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    });
  });
});
