import { DEFAULT_POLICY } from './policy';
import {
  CLIENT_ID,
  createCredential,
  credentialCreated,
  hashOf,
  NOW,
  secretGenerated,
} from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';

describe('creating a credential records it with its first secret', () => {
  it('records the credential and a first secret that expires after the default 90 days', () => {
    given([])
      .when(createCredential({ secretLifetimeDays: undefined }), NOW)
      .then([
        credentialCreated({ createdAt: NOW.toISOString() }),
        secretGenerated('secret-1', {
          secretHash: hashOf('secret-1'),
          createdAt: NOW.toISOString(),
          expiresAt: '2025-05-02T00:00:00.000Z',
        }),
      ]);
  });

  it("gives the first secret the credential's own lifetime", () => {
    given([])
      .when(createCredential({ secretLifetimeDays: 7 }), NOW)
      .then([
        credentialCreated({ createdAt: NOW.toISOString(), secretLifetimeDays: 7 }),
        secretGenerated('secret-1', { createdAt: NOW.toISOString(), expiresAt: '2025-02-08T00:00:00.000Z' }),
      ]);
  });

  it('stores fields normalised: trimmed name, default description, canonical IPs', () => {
    given([])
      .when(
        createCredential({
          name: '  Billing exporter  ',
          description: undefined,
          apis: undefined,
          allowedIps: ['2001:DB8:0:0::1', '::ffff:10.0.0.1', '192.168.0.0/16'],
        }),
        NOW,
      )
      .then([
        credentialCreated({
          createdAt: NOW.toISOString(),
          description: '',
          apis: [],
          allowedIps: ['2001:db8::1', '10.0.0.1', '192.168.0.0/16'],
        }),
        secretGenerated('secret-1', { createdAt: NOW.toISOString(), expiresAt: '2025-05-02T00:00:00.000Z' }),
      ]);
  });
});

describe('a credential is created only once', () => {
  it('refuses to create a credential whose client ID already exists', () => {
    given([credentialCreated(), secretGenerated()])
      .when(createCredential())
      .thenThrows('CREDENTIAL_ALREADY_EXISTS', (error) => error.message.includes(CLIENT_ID));
  });
});

describe('every problem with a new credential is reported at once', () => {
  it('lists each offending field in one refusal', () => {
    const error = given([])
      .when(
        createCredential({
          name: '   ',
          environment: 'prod' as never,
          accounts: ['9900001', 'not valid!', '9900001'],
          roles: [],
          apis: ['has space'],
          allowedIps: ['10.0.0.1/8', 'example.com'],
          secretLifetimeDays: 0,
        }),
      )
      .thenThrows('VALIDATION_FAILED');
    expect(error.details.violations?.map((violation) => violation.field)).toEqual([
      'name',
      'environment',
      'accounts[1]',
      'accounts[2]',
      'roles',
      'apis[0]',
      'allowedIps[0]',
      'allowedIps[1]',
      'secretLifetimeDays',
    ]);
    expect(error.message).toContain('9 problems');
  });

  it('refuses a credential without a client ID', () => {
    given([])
      .when({ ...createCredential(), clientId: '' })
      .thenThrows('VALIDATION_FAILED', (error) => error.details.violations?.[0].field === 'clientId');
  });

  it('refuses roles outside the role catalogue but always allows the built-in roles', () => {
    const policy = { ...DEFAULT_POLICY, roleCatalogue: ['billing:read'] };
    const error = given([], policy)
      .when(createCredential({ roles: ['billing:read', 'keyring:introspect', 'billing:write'] }))
      .thenThrows('VALIDATION_FAILED');
    expect(error.details.violations).toEqual([
      { field: 'roles[2]', message: expect.stringContaining('not in the role catalogue') },
    ]);
  });
});
