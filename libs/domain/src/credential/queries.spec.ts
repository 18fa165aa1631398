import {
  credentialRevoked,
  existingCredential,
  NOW,
  secondsAfter,
  secretDeleted,
  secretGenerated,
  tokenIssued,
  tokenRevoked,
} from '../testing/credential-fixtures';
import { fold } from './evolve';
import {
  activeSecrets,
  activeTokens,
  isTokenActive,
  secondsUntilOldestActiveTokenExpires,
  secretStatus,
} from './queries';
import type { SecretRecord } from './state';

const secret = (overrides: Partial<SecretRecord> = {}): SecretRecord => ({
  secretId: 's',
  secretHash: 'h',
  hint: 'kr_sec_…h',
  createdAt: 0,
  expiresAt: NOW.getTime() + 1,
  deletedAt: null,
  lastUsedAt: null,
  ...overrides,
});

describe("a secret's status is derived from its expiry and deletion", () => {
  it('is active until the moment it expires, expired from then on', () => {
    expect(secretStatus(secret({ expiresAt: NOW.getTime() + 1 }), NOW)).toBe('active');
    expect(secretStatus(secret({ expiresAt: NOW.getTime() }), NOW)).toBe('expired');
  });

  it('is deleted once deleted, even if it has also expired', () => {
    expect(secretStatus(secret({ deletedAt: 0, expiresAt: 0 }), NOW)).toBe('deleted');
  });
});

describe('active secrets and tokens are judged at a given moment', () => {
  const history = [
    ...existingCredential(),
    secretGenerated('secret-2'),
    secretDeleted('secret-2'),
    secretGenerated('secret-3', { expiresAt: NOW.toISOString() }),
    tokenIssued('jti-expired', 61),
    tokenIssued('jti-revoked', 30),
    tokenRevoked('jti-revoked'),
    tokenIssued('jti-1', 20),
    tokenIssued('jti-2', 10),
  ];

  it('counts only secrets neither deleted nor expired', () => {
    expect(activeSecrets(fold(history), NOW).map((record) => record.secretId)).toEqual(['secret-1']);
  });

  it('counts only tokens neither revoked nor expired', () => {
    const state = fold(history);
    expect(activeTokens(state, NOW).map((token) => token.jti)).toEqual(['jti-1', 'jti-2']);
    expect(isTokenActive(state, 'jti-1', NOW)).toBe(true);
    expect(isTokenActive(state, 'jti-revoked', NOW)).toBe(false);
    expect(isTokenActive(state, 'jti-expired', NOW)).toBe(false);
    expect(isTokenActive(state, 'jti-1', secondsAfter(NOW, 40 * 60))).toBe(false);
  });

  it('finds nothing active on an absent or revoked credential', () => {
    expect(activeSecrets(fold([]), NOW)).toEqual([]);
    expect(activeTokens(fold([]), NOW)).toEqual([]);
    const revoked = fold([...history, credentialRevoked(NOW.toISOString())]);
    expect(activeSecrets(revoked, NOW)).toEqual([]);
    expect(activeTokens(revoked, NOW)).toEqual([]);
  });

  it('tells how long until the first active token expires', () => {
    expect(secondsUntilOldestActiveTokenExpires(fold(history), NOW)).toBe(40 * 60);
    expect(secondsUntilOldestActiveTokenExpires(fold(existingCredential()), NOW)).toBeNull();
  });
});
