import {
  CLIENT_ID,
  credentialCreated,
  credentialRevoked,
  existingCredential,
  hashOf,
  issueToken,
  NOW,
  secondsAfter,
  secretDeleted,
  secretGenerated,
  tokenIssued,
  tokenRevoked,
} from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';
import type { CredentialRefusalCode } from '../refusal/refusal-code';
import { CREDENTIAL_EVENT_SCHEMA_VERSION, type CredentialEvent, type TokenIssued } from './events';

const issuedNow = (overrides: Partial<TokenIssued['data']> = {}): TokenIssued =>
  tokenIssued('jti-new', 0, { expiresAt: secondsAfter(NOW, 3600).toISOString(), ...overrides });
/** Ten active tokens; the first was issued `oldestAgeSeconds` ago, the rest later. */
const tenActiveTokens = (oldestAgeSeconds: number): CredentialEvent[] =>
  Array.from({ length: 10 }, (_, index) => tokenIssued(`jti-${index}`, oldestAgeSeconds / 60 - index));

describe('a token is issued to a client with an active secret', () => {
  it('grants every API when the request names no scope', () => {
    given(existingCredential()).when(issueToken()).then([issuedNow()]);
  });

  it('grants the requested scope, each API once', () => {
    given(existingCredential())
      .when(issueToken({ requestedScope: ['voice', 'voice'] }))
      .then([issuedNow({ scope: ['voice'] })]);
  });

  it('authenticates with either of two active secrets and names the one used', () => {
    given([...existingCredential(), secretGenerated('secret-2')])
      .when(issueToken({ presentedSecretHash: hashOf('secret-2') }))
      .then([issuedNow({ secretId: 'secret-2' })]);
  });

  it('expires after the requested lifetime', () => {
    given(existingCredential())
      .when(issueToken({ lifetimeSeconds: 300 }))
      .then([issuedNow({ expiresAt: secondsAfter(NOW, 300).toISOString() })]);
  });
});

describe('a deleted or expired secret never authenticates', () => {
  it.each<[string, CredentialEvent[], string]>([
    [
      'a deleted secret',
      [credentialCreated(), secretGenerated('secret-1'), secretDeleted('secret-1')],
      hashOf('secret-1'),
    ],
    [
      'an expired secret',
      [credentialCreated(), secretGenerated('secret-1', { expiresAt: NOW.toISOString() })],
      hashOf('secret-1'),
    ],
    ['an unknown secret', existingCredential(), hashOf('guess')],
    ['a hash of another length', existingCredential(), 'abc'],
  ])('refuses %s as an invalid client secret', (_, history, presentedSecretHash) => {
    given(history)
      .when(issueToken({ presentedSecretHash }))
      .thenThrows(
        'INVALID_CLIENT_SECRET',
        (error, recorded) =>
          recorded[0]?.data.secretId === null && !error.message.includes(presentedSecretHash),
      );
  });
});

describe('a token request must come from an allowed address', () => {
  const restricted = [
    credentialCreated({ allowedIps: ['10.0.0.0/8', '2001:db8::/32'] }),
    secretGenerated('secret-1'),
  ];

  it.each(['10.20.30.40', '::ffff:10.20.30.40', '2001:db8:ffff::1'])('issues a token to %s', (sourceIp) => {
    given(restricted)
      .when(issueToken({ sourceIp }))
      .then([issuedNow({ sourceIp })]);
  });

  it.each(['192.0.2.1', '::ffff:192.0.2.1', '2001:db9::1'])('refuses %s', (sourceIp) => {
    given(restricted).when(issueToken({ sourceIp })).thenThrows('IP_NOT_ALLOWED');
  });
});

describe('only granted APIs may be requested', () => {
  it('refuses a scope beyond the credential’s apis and names what is missing', () => {
    given(existingCredential())
      .when(issueToken({ requestedScope: ['messaging', 'billing'] }))
      .thenThrows('INVALID_SCOPE', (error) =>
        expect(error.message).toBe(
          'Scope billing is not granted to this credential; granted: messaging voice',
        ),
      );
  });
});

describe('the eleventh active token is refused with the time until the oldest expires', () => {
  it('reports the whole seconds until the first active token expires', () => {
    given([...existingCredential(), ...tenActiveTokens(1200)])
      .when(issueToken())
      .thenThrows('TOKEN_LIMIT_REACHED', (error) => {
        expect(error.details.retryAfterSeconds).toBe(2400);
        expect(error.message).toContain('retry in 2400 seconds');
      });
  });

  it('rounds up, and never asks to wait less than a second', () => {
    given([...existingCredential(), ...tenActiveTokens(3599.5)])
      .when(issueToken())
      .thenThrows('TOKEN_LIMIT_REACHED', (error) => error.details.retryAfterSeconds === 1);
  });
});

describe('expired and revoked tokens do not count toward the ten-token limit', () => {
  it('issues a token next to nine active, one revoked and one expired', () => {
    given([
      ...existingCredential(),
      tokenIssued('jti-expired', 61),
      ...tenActiveTokens(1200).slice(1),
      tokenIssued('jti-revoked', 5),
      tokenRevoked('jti-revoked'),
    ])
      .when(issueToken())
      .then([issuedNow()]);
  });
});

describe('every refused token request is recorded', () => {
  it('carries a TokenRequestRefused event with the reason, address, scope and secret', () => {
    given([credentialCreated({ allowedIps: ['10.0.0.0/8'] }), secretGenerated('secret-1')])
      .when(issueToken({ sourceIp: '192.0.2.1', requestedScope: ['voice'] }))
      .thenRecordsAndRefuses(
        [
          {
            type: 'TokenRequestRefused',
            schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
            data: {
              clientId: CLIENT_ID,
              reason: 'IP_NOT_ALLOWED',
              sourceIp: '192.0.2.1',
              requestedScope: ['voice'],
              secretId: 'secret-1',
              refusedAt: NOW.toISOString(),
            },
          },
        ],
        'IP_NOT_ALLOWED',
      );
  });

  it('records a request to a revoked credential', () => {
    given([...existingCredential(), credentialRevoked()])
      .when(issueToken())
      .thenThrows('CREDENTIAL_REVOKED', (_error, recorded) => {
        expect(recorded[0]?.data).toMatchObject({
          reason: 'CREDENTIAL_REVOKED',
          secretId: null,
        });
      });
  });
});

describe('a token request is checked in a fixed order', () => {
  const allowedOnly = (ips: string[]) => [
    credentialCreated({ allowedIps: ips }),
    secretGenerated('secret-1'),
  ];
  const offendEverything = issueToken({
    presentedSecretHash: hashOf('wrong'),
    sourceIp: '192.0.2.1',
    requestedScope: ['x'],
  });

  it.each<[string, CredentialEvent[], Parameters<typeof issueToken>[0], CredentialRefusalCode]>([
    [
      'revocation before authentication',
      [...allowedOnly(['10.0.0.1']), credentialRevoked()],
      {},
      'CREDENTIAL_REVOKED',
    ],
    ['authentication before the address', allowedOnly(['10.0.0.1']), {}, 'INVALID_CLIENT_SECRET'],
    [
      'the address before the scope',
      allowedOnly(['10.0.0.1']),
      { presentedSecretHash: hashOf('secret-1') },
      'IP_NOT_ALLOWED',
    ],
    [
      'the scope before the token limit',
      [...allowedOnly([]), ...tenActiveTokens(600)],
      { presentedSecretHash: hashOf('secret-1') },
      'INVALID_SCOPE',
    ],
  ])('checks %s', (_, history, overrides, code) => {
    given(history)
      .when({ ...offendEverything, ...overrides })
      .thenThrows(code, (_error, recorded) => recorded[0]?.data.reason === code);
  });
});

describe('a jti is never issued twice', () => {
  it('refuses a jti already in use, and records the refusal', () => {
    given([...existingCredential(), tokenIssued('jti-new', 5)])
      .when(issueToken())
      .thenThrows('VALIDATION_FAILED', (error, recorded) => {
        expect(error.details.violations?.[0].field).toBe('jti');
        expect(recorded[0]?.data.secretId).toBe('secret-1');
      });
  });

  it('refuses a lifetime shorter than a second', () => {
    given(existingCredential())
      .when(issueToken({ lifetimeSeconds: 0 }))
      .thenThrows('VALIDATION_FAILED', (error) => error.details.violations?.[0].field === 'lifetimeSeconds');
  });
});
