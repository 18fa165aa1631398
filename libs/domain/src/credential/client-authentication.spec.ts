import {
  credentialCreated,
  credentialRevoked,
  daysAfter,
  hashOf,
  NOW,
  secretDeleted,
  secretGenerated,
} from '../testing/credential-fixtures';
import { authenticateClient } from './client-authentication';
import { fold } from './evolve';
import type { CredentialEvent } from './events';

const given = (...events: CredentialEvent[]) => fold(events);
const OFFICE = '203.0.113.7';

describe('a client authenticates with an active secret, from an allowed address, to an active credential', () => {
  it('accepts an active secret of an active credential', () => {
    const outcome = authenticateClient(
      given(credentialCreated(), secretGenerated('secret-1')),
      hashOf('secret-1'),
      OFFICE,
      NOW,
    );
    expect(outcome).toMatchObject({ authenticated: true, credential: { status: 'active' } });
  });

  it.each([
    ['an unknown client', [], hashOf('secret-1'), OFFICE, NOW, 'CREDENTIAL_NOT_FOUND'],
    [
      'a revoked credential, even with its secret',
      [credentialCreated(), secretGenerated('secret-1'), credentialRevoked()],
      hashOf('secret-1'),
      OFFICE,
      NOW,
      'CREDENTIAL_REVOKED',
    ],
    [
      'a wrong secret',
      [credentialCreated(), secretGenerated('secret-1')],
      hashOf('guess'),
      OFFICE,
      NOW,
      'INVALID_CLIENT_SECRET',
    ],
    [
      'a deleted secret',
      [credentialCreated(), secretGenerated('secret-1'), secretDeleted('secret-1')],
      hashOf('secret-1'),
      OFFICE,
      NOW,
      'INVALID_CLIENT_SECRET',
    ],
    [
      'an expired secret',
      [credentialCreated(), secretGenerated('secret-1')],
      hashOf('secret-1'),
      OFFICE,
      daysAfter(NOW, 400),
      'INVALID_CLIENT_SECRET',
    ],
    [
      'an address outside allowedIps',
      [credentialCreated({ allowedIps: ['10.0.0.0/8'] }), secretGenerated('secret-1')],
      hashOf('secret-1'),
      OFFICE,
      NOW,
      'IP_NOT_ALLOWED',
    ],
  ] as const)('refuses %s', (_case, events, presented, sourceIp, now, reason) => {
    expect(authenticateClient(given(...events), presented, sourceIp, now)).toEqual({
      authenticated: false,
      reason,
    });
  });
});
