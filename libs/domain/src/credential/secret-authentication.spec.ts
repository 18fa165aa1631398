import type * as nodeCrypto from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';
import {
  credentialCreated,
  hashOf,
  NOW,
  secretDeleted,
  secretGenerated,
} from '../testing/credential-fixtures';
import { fold } from './evolve';
import { authenticatingSecret } from './secret-authentication';
import type { ExistingCredential } from './state';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof nodeCrypto>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});
const compare = jest.mocked(timingSafeEqual);

const credentialWith = (...secretIds: string[]): ExistingCredential =>
  fold([
    credentialCreated(),
    ...secretIds.map((secretId) => secretGenerated(secretId)),
  ]) as ExistingCredential;

describe('a client secret is compared in constant time', () => {
  beforeEach(() => compare.mockClear());

  it('compares the presented hash with every secret, even after a match', () => {
    const state = credentialWith('secret-1', 'secret-2', 'secret-3');
    expect(authenticatingSecret(state, hashOf('secret-1'), NOW)?.secretId).toBe('secret-1');
    expect(compare).toHaveBeenCalledTimes(3);
  });

  it('still compares when the lengths differ, and does not match', () => {
    expect(authenticatingSecret(credentialWith('secret-1'), 'short', NOW)).toBeNull();
    expect(compare).toHaveBeenCalledTimes(1);
  });

  it('skips a matching secret that was deleted', () => {
    const state = fold([
      credentialCreated(),
      secretGenerated('secret-1'),
      secretDeleted('secret-1'),
    ]) as ExistingCredential;
    expect(authenticatingSecret(state, hashOf('secret-1'), NOW)).toBeNull();
  });
});
