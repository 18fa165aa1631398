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
import { SqliteCredentialSnapshots } from './sqlite-credential-snapshots';

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
    snapshots = SqliteCredentialSnapshots.open(file);
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
        'INSERT INTO snapshots (client_id, state_version, revision, event_id, state) VALUES (?, ?, ?, ?, ?)',
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
    snapshots = SqliteCredentialSnapshots.open(file);
  });
});
