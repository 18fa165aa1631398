import { CLIENT_ID, credentialCreated, NOW, secretGenerated } from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';
import { CREDENTIAL_EVENT_SCHEMA_VERSION, type CredentialUpdated } from './events';
import type { UpdateCredential } from './commands';

const update = (changes: UpdateCredential['changes']): UpdateCredential => ({
  type: 'UpdateCredential',
  changes,
});
const credentialUpdated = (changes: CredentialUpdated['data']['changes']): CredentialUpdated => ({
  type: 'CredentialUpdated',
  schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
  data: { clientId: CLIENT_ID, changes, updatedAt: NOW.toISOString() },
});
const existing = [credentialCreated({ allowedIps: ['10.0.0.0/8'] }), secretGenerated()];

describe('an update records only what changed', () => {
  it('records the fields whose value differs, normalised', () => {
    given(existing)
      .when(
        update({
          name: ' Invoice exporter ',
          roles: ['keyring:admin'],
          allowedIps: ['10.0.0.0/8', '2001:DB8::1'],
        }),
      )
      .then([credentialUpdated({ name: 'Invoice exporter', allowedIps: ['10.0.0.0/8', '2001:db8::1'] })]);
  });

  it('may empty the optional lists', () => {
    given(existing)
      .when(update({ apis: [], allowedIps: [] }))
      .then([credentialUpdated({ apis: [], allowedIps: [] })]);
  });

  it('records nothing when every given value is already in place, in any order', () => {
    given(existing)
      .when(update({ name: 'Billing exporter', apis: ['voice', 'messaging'], allowedIps: ['10.0.0.0/8'] }))
      .thenNothing();
  });
});

describe('an update must name at least one field', () => {
  it('refuses an empty update', () => {
    given(existing)
      .when(update({}))
      .thenThrows('VALIDATION_FAILED', (error) => error.details.violations?.[0].field === 'changes');
  });
});

describe('an update follows the same field rules as creation', () => {
  it('lists every problem', () => {
    const error = given(existing)
      .when(update({ name: '', accounts: ['ok', 'ok'], allowedIps: ['10.0.0.1/8'] }))
      .thenThrows('VALIDATION_FAILED');
    expect(error.details.violations?.map((violation) => violation.field)).toEqual([
      'name',
      'accounts[1]',
      'allowedIps[0]',
    ]);
  });
});

describe('at least one account and one role on create and update', () => {
  it.each([
    ['no account', { accounts: [] }, 'accounts'],
    ['no role', { roles: [] }, 'roles'],
  ])('a credential with %s is not created', (_, overrides, field) => {
    given([])
      .when({
        type: 'CreateCredential',
        clientId: CLIENT_ID,
        fields: {
          name: 'n',
          environment: 'staging',
          accounts: ['1'],
          roles: ['keyring:admin'],
          ...overrides,
        },
        firstSecret: { secretId: 's', secretHash: 'h', hint: 'kr_sec_…h' },
      })
      .thenThrows('VALIDATION_FAILED', (error) =>
        expect(error.details.violations).toEqual([{ field, message: expect.stringMatching(/at least one/) }]),
      );
  });

  it.each([
    ['every account', { accounts: [] }, 'accounts'],
    ['every role', { roles: [] }, 'roles'],
  ])('an update may not remove %s', (_, changes, field) => {
    given(existing)
      .when(update(changes))
      .thenThrows('VALIDATION_FAILED', (error) => error.details.violations?.[0].field === field);
  });
});
