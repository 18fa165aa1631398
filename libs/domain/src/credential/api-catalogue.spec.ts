import type { UpdateCredential } from './commands';
import { DEFAULT_POLICY, type CredentialPolicy, grantableApis, grantableRoles } from './policy';
import { validateChanges, validateCredentialFields } from './validation';
import {
  CLIENT_ID,
  createCredential,
  credentialCreated,
  hashOf,
  NOW,
  secretGenerated,
  validFields,
} from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';
import { CREDENTIAL_EVENT_SCHEMA_VERSION } from './events';

const catalogue: CredentialPolicy = { ...DEFAULT_POLICY, apiCatalogue: ['messaging', 'voice', 'numbers'] };
const update = (changes: UpdateCredential['changes']): UpdateCredential => ({
  type: 'UpdateCredential',
  changes,
});
const existing = [credentialCreated({ apis: ['messaging', 'voice'] }), secretGenerated()];

describe('with an API catalogue (API_CATALOGUE), a credential is granted only APIs from it', () => {
  it('creates a credential whose APIs all come from the catalogue', () => {
    given([], catalogue)
      .when(createCredential({ apis: ['voice', 'numbers'] }), NOW)
      .then([
        credentialCreated({ apis: ['voice', 'numbers'], createdAt: NOW.toISOString() }),
        secretGenerated('secret-1', {
          secretHash: hashOf('secret-1'),
          createdAt: NOW.toISOString(),
          expiresAt: '2025-05-02T00:00:00.000Z',
        }),
      ]);
  });

  it('refuses an API outside the catalogue, naming its place in the list', () => {
    const error = given([], catalogue)
      .when(createCredential({ apis: ['messaging', 'fax'] }))
      .thenThrows('VALIDATION_FAILED');
    expect(error.details.violations).toEqual([
      {
        field: 'apis[1]',
        message: '"fax" is not in the API catalogue; allowed APIs: messaging, voice, numbers',
      },
    ]);
  });

  it('still refuses a malformed API with the scope-token rule, not the catalogue', () => {
    expect(validateCredentialFields(validFields({ apis: ['a b'] }), catalogue)).toEqual([
      { field: 'apis[0]', message: expect.stringContaining('is not an OAuth scope token') },
    ]);
  });

  it('accepts a credential granted no API at all', () => {
    expect(validateCredentialFields(validFields({ apis: [] }), catalogue)).toEqual([]);
    expect(validateCredentialFields(validFields({ apis: undefined }), catalogue)).toEqual([]);
  });

  it('with an empty catalogue, grants no API and says none are configured', () => {
    expect(
      validateCredentialFields(validFields({ apis: ['voice'] }), { ...catalogue, apiCatalogue: [] }),
    ).toEqual([{ field: 'apis[0]', message: '"voice" is not in the API catalogue; none are configured' }]);
  });

  it('refuses an update that grants an API outside the catalogue, and appends nothing', () => {
    given(existing, catalogue)
      .when(update({ apis: ['voice', 'fax'] }))
      .thenThrows('VALIDATION_FAILED', (error) => error.details.violations?.[0].field === 'apis[1]');
    expect(validateChanges({ apis: ['numbers'] }, catalogue)).toEqual([]);
  });

  it('lets a credential keep an API that left the catalogue until its APIs are changed', () => {
    const shrunk: CredentialPolicy = { ...DEFAULT_POLICY, apiCatalogue: ['voice'] };
    given(existing, shrunk)
      .when(update({ name: 'Renamed' }))
      .then([
        {
          type: 'CredentialUpdated',
          schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
          data: { clientId: CLIENT_ID, changes: { name: 'Renamed' }, updatedAt: NOW.toISOString() },
        },
      ]);
  });
});

describe('without an API catalogue, any well-formed API is granted, as before', () => {
  it('accepts any scope token', () => {
    expect(validateCredentialFields(validFields({ apis: ['fax', 'https://api.example.com/x'] }))).toEqual([]);
    expect(
      validateCredentialFields(validFields({ apis: ['fax'] }), { ...DEFAULT_POLICY, apiCatalogue: null }),
    ).toEqual([]);
  });
});

describe('the catalogue a console offers', () => {
  it('lists the built-in roles with the role catalogue, once each, and nothing when none is set', () => {
    expect(grantableRoles({ roleCatalogue: ['billing:read', 'keyring:admin'] })).toEqual([
      'keyring:admin',
      'keyring:introspect',
      'billing:read',
    ]);
    expect(grantableRoles(DEFAULT_POLICY)).toBeNull();
  });

  it('lists the API catalogue once each, and nothing when none is set', () => {
    expect(grantableApis({ ...DEFAULT_POLICY, apiCatalogue: ['voice', 'voice', 'fax'] })).toEqual([
      'voice',
      'fax',
    ]);
    expect(grantableApis(DEFAULT_POLICY)).toBeNull();
  });
});
