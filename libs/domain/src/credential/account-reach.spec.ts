import type { CredentialState } from './state';
import { assertWithinReach, outOfReach, withinReach } from './account-reach';

const credentialOf = (accounts: string[]) => ({ status: 'active', accounts }) as unknown as CredentialState;

describe("a caller's reach over accounts", () => {
  it('covers a credential only when every one of its accounts is covered', () => {
    expect(withinReach({ accounts: ['a'] }, ['a'])).toBe(true);
    expect(withinReach({ accounts: ['a'] }, ['a', 'b'])).toBe(false);
    expect(withinReach({ accounts: ['a'] }, ['*'])).toBe(false);
    expect(withinReach({ accounts: ['*'] }, ['a', 'b', '*'])).toBe(true);
    expect(outOfReach({ accounts: ['a'] }, ['a', 'b', 'c'])).toEqual(['b', 'c']);
  });

  it('answers a credential out of reach as not found, like an unknown one', () => {
    expect(() => assertWithinReach({ accounts: ['a'] }, 'id-1', credentialOf(['b']))).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_NOT_FOUND' }),
    );
    expect(() => assertWithinReach({ accounts: ['a'] }, 'id-1', credentialOf(['a']))).not.toThrow();
  });

  it('forbids giving a credential accounts out of reach', () => {
    const create = {
      type: 'CreateCredential',
      clientId: 'id-1',
      fields: { name: 'x', environment: 'production', accounts: ['a', 'b'], roles: ['r'] },
      firstSecret: { secretId: 's', secretHash: 'h', hint: 'h' },
    } as const;
    expect(() => assertWithinReach({ accounts: ['a'] }, 'id-1', { status: 'absent' }, create)).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_OUT_OF_REACH' }),
    );
    const update = { type: 'UpdateCredential', changes: { accounts: ['b'] } } as const;
    expect(() => assertWithinReach({ accounts: ['a'] }, 'id-1', credentialOf(['a']), update)).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_OUT_OF_REACH' }),
    );
    expect(() =>
      assertWithinReach({ accounts: ['a'] }, 'id-1', credentialOf(['a']), { type: 'RevokeToken', jti: 'j' }),
    ).not.toThrow();
  });
});
