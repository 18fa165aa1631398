import {
  CLIENT_ID,
  credentialCreated,
  existingCredential,
  NOW,
  secretGenerated,
  tokenIssued,
  tokenRevoked,
} from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';
import { CREDENTIAL_EVENT_SCHEMA_VERSION, type SecretDeleted } from './events';

const secretDeleted = (secretId: string): SecretDeleted => ({
  type: 'SecretDeleted',
  schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
  data: { clientId: CLIENT_ID, secretId, deletedAt: NOW.toISOString() },
});

const twoSecrets = () => [...existingCredential(), secretGenerated('secret-2')];

describe('deleting a leaked secret (revokeTokens) revokes every active token issued with it, in the same append', () => {
  it('revokes the active tokens of that secret and no other', () => {
    given([
      ...twoSecrets(),
      tokenIssued('jti-1'),
      tokenIssued('jti-2', 5, { secretId: 'secret-2' }),
      tokenIssued('jti-3'),
    ])
      .when({ type: 'DeleteSecret', secretId: 'secret-1', revokeTokens: true })
      .then([
        secretDeleted('secret-1'),
        tokenRevoked('jti-1', NOW.toISOString(), 'secret-deleted'),
        tokenRevoked('jti-3', NOW.toISOString(), 'secret-deleted'),
      ]);
  });

  it('leaves out tokens already revoked or expired', () => {
    given([...twoSecrets(), tokenIssued('jti-1'), tokenRevoked('jti-1'), tokenIssued('jti-old', 90)])
      .when({ type: 'DeleteSecret', secretId: 'secret-1', revokeTokens: true })
      .then([secretDeleted('secret-1')]);
  });
});

describe('deleting a secret in routine rotation leaves its tokens to run out', () => {
  it('records only the deletion', () => {
    given([...twoSecrets(), tokenIssued('jti-1')])
      .when({ type: 'DeleteSecret', secretId: 'secret-1' })
      .then([secretDeleted('secret-1')]);
  });
});

describe('an update that removes an api, account or role revokes the active tokens carrying it (credential-narrowed)', () => {
  const narrowed = (jti: string) => tokenRevoked(jti, NOW.toISOString(), 'credential-narrowed');
  const changes = (events: ReturnType<typeof given>, change: Record<string, unknown>) =>
    events.when({ type: 'UpdateCredential', changes: change });

  it('revokes tokens whose scope holds a removed api, and keeps those whose scope does not', () => {
    const outcome = changes(
      given([
        ...existingCredential(),
        tokenIssued('jti-both'),
        tokenIssued('jti-messaging', 5, { scope: ['messaging'] }),
        tokenIssued('jti-voice', 5, { scope: ['voice'] }),
      ]),
      { apis: ['messaging'] },
    );
    outcome.then([
      {
        type: 'CredentialUpdated',
        schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
        data: { clientId: CLIENT_ID, changes: { apis: ['messaging'] }, updatedAt: NOW.toISOString() },
      },
      narrowed('jti-both'),
      narrowed('jti-voice'),
    ]);
  });

  it('revokes every token issued while a removed account was the credential’s', () => {
    const before = [credentialCreated({ accounts: ['9900001', '9900002'] }), secretGenerated()];
    const decision = given([...before, tokenIssued('jti-1'), tokenIssued('jti-2')]).when({
      type: 'UpdateCredential',
      changes: { accounts: ['9900001'] },
    });
    decision.then([
      {
        type: 'CredentialUpdated',
        schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
        data: { clientId: CLIENT_ID, changes: { accounts: ['9900001'] }, updatedAt: NOW.toISOString() },
      },
      narrowed('jti-1'),
      narrowed('jti-2'),
    ]);
  });

  it('keeps a token issued before the removed account was added: it never carried it', () => {
    given([
      ...existingCredential(),
      tokenIssued('jti-before', 30),
      {
        type: 'CredentialUpdated',
        schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
        data: {
          clientId: CLIENT_ID,
          changes: { accounts: ['9900001', '9900002'] },
          updatedAt: NOW.toISOString(),
        },
      },
      tokenIssued('jti-after', 10),
    ])
      .when({ type: 'UpdateCredential', changes: { accounts: ['9900001'] } })
      .then([
        {
          type: 'CredentialUpdated',
          schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
          data: { clientId: CLIENT_ID, changes: { accounts: ['9900001'] }, updatedAt: NOW.toISOString() },
        },
        narrowed('jti-after'),
      ]);
  });

  it('revokes tokens carrying a removed role', () => {
    const before = [credentialCreated({ roles: ['keyring:admin', 'billing:read'] }), secretGenerated()];
    given([...before, tokenIssued('jti-1')])
      .when({ type: 'UpdateCredential', changes: { roles: ['billing:read'] } })
      .then([
        {
          type: 'CredentialUpdated',
          schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
          data: { clientId: CLIENT_ID, changes: { roles: ['billing:read'] }, updatedAt: NOW.toISOString() },
        },
        narrowed('jti-1'),
      ]);
  });

  it('revokes nothing when the update only widens or renames', () => {
    given([...existingCredential(), tokenIssued('jti-1')])
      .when({
        type: 'UpdateCredential',
        changes: { name: 'Renamed', apis: ['messaging', 'voice', 'fax'], accounts: ['9900001', '9900003'] },
      })
      .then([
        {
          type: 'CredentialUpdated',
          schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
          data: {
            clientId: CLIENT_ID,
            changes: {
              name: 'Renamed',
              apis: ['messaging', 'voice', 'fax'],
              accounts: ['9900001', '9900003'],
            },
            updatedAt: NOW.toISOString(),
          },
        },
      ]);
  });
});
