import {
  CLIENT_ID,
  createCredential,
  credentialRevoked,
  existingCredential,
  hashOf,
  issueToken,
  NOW,
  tokenIssued,
  tokenRevoked,
} from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';
import type { CredentialCommand } from './commands';
import { fold } from './evolve';
import { activeTokens, isTokenActive } from './queries';
import { CREDENTIAL_EVENT_SCHEMA_VERSION } from './events';

const everyCommand: [string, CredentialCommand][] = [
  ['CreateCredential', createCredential()],
  ['UpdateCredential', { type: 'UpdateCredential', changes: { name: 'Renamed' } }],
  [
    'GenerateSecret',
    { type: 'GenerateSecret', secret: { secretId: 's2', secretHash: hashOf('s2'), hint: 'h' } },
  ],
  ['DeleteSecret', { type: 'DeleteSecret', secretId: 'secret-1' }],
  ['IssueToken', issueToken()],
  ['RevokeToken', { type: 'RevokeToken', jti: 'jti-1' }],
  ['RevokeCredential', { type: 'RevokeCredential' }],
];

describe('revoking a token stops it at once', () => {
  it('records the revocation of an active token', () => {
    given([...existingCredential(), tokenIssued('jti-1')])
      .when({ type: 'RevokeToken', jti: 'jti-1' })
      .then([tokenRevoked('jti-1')]);
  });

  it('refuses a token the credential never issued', () => {
    given([...existingCredential(), tokenIssued('jti-1')])
      .when({ type: 'RevokeToken', jti: 'jti-9' })
      .thenThrows('TOKEN_NOT_FOUND');
  });

  it.each([
    ['a token revoked already', [tokenIssued('jti-1'), tokenRevoked('jti-1')]],
    ['an expired token', [tokenIssued('jti-1', 60)]],
  ])('changes nothing for %s: it is already what was asked for', (_, tokens) => {
    given([...existingCredential(), ...tokens])
      .when({ type: 'RevokeToken', jti: 'jti-1' })
      .thenNothing();
  });
});

describe('revoking a credential invalidates every token it issued', () => {
  it('records the revocation with a default reason', () => {
    given(existingCredential())
      .when({ type: 'RevokeCredential' })
      .then([credentialRevoked(NOW.toISOString())]);
  });

  it('records the reason given', () => {
    given(existingCredential())
      .when({ type: 'RevokeCredential', reason: ' leaked in a build log ' })
      .then([
        {
          type: 'CredentialRevoked',
          schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
          data: { clientId: CLIENT_ID, revokedAt: NOW.toISOString(), reason: 'leaked in a build log' },
        },
      ]);
  });

  it('refuses a reason longer than 500 characters', () => {
    given(existingCredential())
      .when({ type: 'RevokeCredential', reason: 'r'.repeat(501) })
      .thenThrows('VALIDATION_FAILED');
  });

  it('leaves no token active, though none has expired', () => {
    const revokedAt = NOW.toISOString();
    const state = fold([
      ...existingCredential(),
      tokenIssued('jti-1'),
      tokenIssued('jti-2'),
      credentialRevoked(revokedAt),
    ]);
    expect(isTokenActive(state, 'jti-1', NOW)).toBe(false);
    expect(isTokenActive(state, 'jti-2', NOW)).toBe(false);
    expect(activeTokens(state, NOW)).toEqual([]);
  });
});

describe('a revoked credential refuses every command', () => {
  it.each(everyCommand)('refuses %s', (_, command) => {
    given([...existingCredential(), tokenIssued('jti-1'), credentialRevoked('2025-01-15T00:00:00.000Z')])
      .when(command)
      .thenThrows('CREDENTIAL_REVOKED', (error, recorded) => {
        expect(error.message).toBe(
          `Credential ${CLIENT_ID} was revoked on 2025-01-15T00:00:00.000Z; create a new credential`,
        );
        // Only a token request is kept on record: it is an access attempt the audit trail must show.
        expect(recorded).toHaveLength(command.type === 'IssueToken' ? 1 : 0);
      });
  });
});

describe('an unknown credential refuses every command but creation', () => {
  it.each(everyCommand.filter(([type]) => type !== 'CreateCredential'))('refuses %s', (_, command) => {
    given([]).when(command).thenThrows('CREDENTIAL_NOT_FOUND');
  });
});
