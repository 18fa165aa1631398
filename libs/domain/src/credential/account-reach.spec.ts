import type { CredentialCommand } from './commands';
import { type AccountReach, assertWithinReach, outOfReach, withinReach } from './account-reach';
import { credentialNotFound } from './refusals';
import type { CredentialState } from './state';

/** Given a caller's reach, when it touches a credential (with a command), then it is allowed or refused. */
const givenCaller = (accounts: string[]) => {
  const reach: AccountReach = { accounts };
  return {
    reaches: (credentialAccounts: string[]) => withinReach(reach, credentialAccounts),
    beyondReach: (named: string[]) => outOfReach(reach, named),
    when: (state: CredentialState, command?: CredentialCommand) => () =>
      assertWithinReach(reach, state, command),
  };
};

const credentialOn = (accounts: string[]) => ({ status: 'active', accounts }) as unknown as CredentialState;

describe('a caller reaches a credential only when it reaches every one of its accounts', () => {
  it('reaches a credential on its own accounts', () => {
    expect(givenCaller(['a', 'b']).reaches(['a'])).toBe(true);
  });
  it('does not reach a credential that also acts on another account', () => {
    expect(givenCaller(['a']).reaches(['a', 'b'])).toBe(false);
  });
  it('names exactly the accounts beyond its reach', () => {
    expect(givenCaller(['a']).beyondReach(['a', 'b', 'c'])).toEqual(['b', 'c']);
  });
});

describe('* reaches every account, and only * reaches a * credential', () => {
  it('a * caller reaches any credential', () => {
    expect(givenCaller(['*']).reaches(['a', 'b', '*'])).toBe(true);
    expect(givenCaller(['*']).beyondReach(['a', '*'])).toEqual([]);
  });
  it('a caller of named accounts does not reach a * credential', () => {
    expect(givenCaller(['a']).reaches(['*'])).toBe(false);
  });
});

describe('a credential beyond reach is not found, in the same words as one that does not exist', () => {
  it('refuses any command on it as CREDENTIAL_NOT_FOUND with the unknown-credential message', () => {
    expect(givenCaller(['a']).when(credentialOn(['b']), { type: 'RevokeToken', jti: 'j' })).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_NOT_FOUND', message: credentialNotFound().message }),
    );
  });
  it('lets commands through on a credential within reach', () => {
    expect(givenCaller(['a']).when(credentialOn(['a']), { type: 'RevokeToken', jti: 'j' })).not.toThrow();
  });
});

describe('a caller may not give a credential accounts beyond its reach', () => {
  it('refuses creating a credential on an account beyond reach', () => {
    const create = {
      type: 'CreateCredential',
      clientId: 'id-1',
      fields: { name: 'x', environment: 'production', accounts: ['a', 'b'], roles: ['r'] },
      firstSecret: { secretId: 's', secretHash: 'h', hint: 'h' },
    } as const;
    expect(givenCaller(['a']).when({ status: 'absent' }, create)).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_OUT_OF_REACH' }),
    );
  });
  it('refuses moving a credential it reaches onto an account beyond reach', () => {
    const update = { type: 'UpdateCredential', changes: { accounts: ['b'] } } as const;
    expect(givenCaller(['a']).when(credentialOn(['a']), update)).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_OUT_OF_REACH' }),
    );
  });
});
