import {
  CLIENT_ID,
  credentialCreated,
  credentialRevoked,
  secretDeleted,
  secretGenerated,
  tokenIssued,
} from '../testing/credential-fixtures';
import type { CredentialEvent, CredentialUpdated } from './events';
import { PointInTimeFold } from './point-in-time';

const updated = (changes: CredentialUpdated['data']['changes'], updatedAt: string): CredentialUpdated => ({
  type: 'CredentialUpdated',
  schemaVersion: 1,
  data: { clientId: CLIENT_ID, changes, updatedAt },
});

/** Given these events, when asked about `account` at `at`, then the answer's credentials and secrets. */
function accessAt(events: CredentialEvent[], account: string, at: string) {
  const fold = new PointInTimeFold(new Date(at));
  for (const event of events) fold.add(CLIENT_ID, event);
  return fold.accessFor(account).map(({ credential, secrets }) => ({
    roles: credential.roles,
    secrets: secrets.map((secret) => secret.secretId),
  }));
}

const history: CredentialEvent[] = [
  credentialCreated({ accounts: ['9900001'], createdAt: '2025-01-01T00:00:00.000Z' }),
  secretGenerated('secret-1', {
    createdAt: '2025-01-01T00:00:00.000Z',
    expiresAt: '2025-04-01T00:00:00.000Z',
  }),
  secretGenerated('secret-2', {
    createdAt: '2025-01-10T00:00:00.000Z',
    expiresAt: '2025-04-10T00:00:00.000Z',
  }),
  secretDeleted('secret-1', '2025-01-20T00:00:00.000Z'),
  updated({ roles: ['billing:read'] }, '2025-02-01T00:00:00.000Z'),
  updated({ accounts: ['9900002'] }, '2025-03-01T00:00:00.000Z'),
  tokenIssued('jti-1'),
  credentialRevoked('2025-03-15T00:00:00.000Z'),
];

describe('point-in-time access: who could obtain a token for an account at an instant', () => {
  it('is empty before the credential existed', () => {
    expect(accessAt(history, '9900001', '2024-12-31T23:59:59.999Z')).toEqual([]);
  });

  it('lists only the secrets valid then: a secret deleted before T is absent', () => {
    expect(accessAt(history, '9900001', '2025-01-15T00:00:00.000Z')).toEqual([
      { roles: ['keyring:admin'], secrets: ['secret-1', 'secret-2'] },
    ]);
    expect(accessAt(history, '9900001', '2025-01-25T00:00:00.000Z')).toEqual([
      { roles: ['keyring:admin'], secrets: ['secret-2'] },
    ]);
  });

  it('applies a change of roles from the instant it was made', () => {
    expect(accessAt(history, '9900001', '2025-01-31T23:59:59.999Z')[0].roles).toEqual(['keyring:admin']);
    expect(accessAt(history, '9900001', '2025-02-01T00:00:00.000Z')[0].roles).toEqual(['billing:read']);
  });

  it('follows a change of accounts', () => {
    expect(accessAt(history, '9900001', '2025-02-15T00:00:00.000Z')).toHaveLength(1);
    expect(accessAt(history, '9900002', '2025-02-15T00:00:00.000Z')).toEqual([]);
    expect(accessAt(history, '9900001', '2025-03-05T00:00:00.000Z')).toEqual([]);
    expect(accessAt(history, '9900002', '2025-03-05T00:00:00.000Z')).toHaveLength(1);
  });

  it('still lists a credential revoked after T, and not one revoked before', () => {
    expect(accessAt(history, '9900002', '2025-03-14T23:59:59.999Z')).toHaveLength(1);
    expect(accessAt(history, '9900002', '2025-03-15T00:00:00.000Z')).toEqual([]);
  });

  it('leaves out a credential whose every secret had expired', () => {
    expect(accessAt(history.slice(0, 3), '9900001', '2025-04-10T00:00:00.000Z')).toEqual([]);
  });

  it('counts a credential acting on every account ("*") for any account', () => {
    const admin = [credentialCreated({ accounts: ['*'] }), secretGenerated('secret-1')];
    expect(accessAt(admin, '4242', '2025-02-01T00:00:00.000Z')).toHaveLength(1);
  });
});
