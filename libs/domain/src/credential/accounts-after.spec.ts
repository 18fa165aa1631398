import {
  CREATED_AT,
  credentialCreated,
  credentialRevoked,
  secretGenerated,
  tokenIssued,
} from '../testing/credential-fixtures';
import { accountsAfter } from './accounts-after';
import type { CredentialEvent, CredentialUpdated } from './events';
import { fold } from './evolve';

const moveTo = (accounts: readonly string[]): CredentialUpdated => ({
  type: 'CredentialUpdated',
  schemaVersion: 1,
  data: { clientId: credentialCreated().data.clientId, changes: { accounts }, updatedAt: CREATED_AT },
});

const rename: CredentialUpdated = {
  ...moveTo([]),
  data: { ...moveTo([]).data, changes: { name: 'Renamed' } },
};

/** The accounts `evolve` holds after each event of a history. */
function accountsByEvolve(history: readonly CredentialEvent[]): (readonly string[])[] {
  return history.map((_, index) => {
    const state = fold(history.slice(0, index + 1));
    return state.status === 'absent' ? [] : state.accounts;
  });
}

function accountsByFollowing(history: readonly CredentialEvent[]): (readonly string[])[] {
  let accounts: readonly string[] = [];
  return history.map((event) => (accounts = accountsAfter(event, accounts)));
}

describe("following only a credential's accounts agrees with evolve", () => {
  it.each<[string, CredentialEvent[]]>([
    [
      'a life of moves, secrets, tokens and a revocation',
      [
        credentialCreated({ accounts: ['acct-1'] }),
        secretGenerated('secret-1'),
        moveTo(['acct-2', 'acct-3']),
        rename,
        tokenIssued('token-1'),
        moveTo(['acct-3']),
        credentialRevoked(),
        moveTo(['acct-4']),
      ],
    ],
    [
      'a second creation, which counts for nothing',
      [credentialCreated(), credentialCreated({ accounts: ['x'] })],
    ],
    ['changes to a credential that was never created', [moveTo(['acct-1']), rename, credentialCreated()]],
  ])('%s', (_, history) => {
    expect(accountsByFollowing(history)).toEqual(accountsByEvolve(history));
  });
});
