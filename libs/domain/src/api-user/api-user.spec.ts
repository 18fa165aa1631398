import { givenApiUser as given } from '../testing/api-user-specification';
import { NOW } from '../testing/credential-fixtures';
import { authenticateBasic } from './basic-authentication';
import {
  type ApiUserEvent,
  type ApiUserMigrated,
  type BasicAuthenticationUsed,
  apiUserEvent,
  apiUserStreamName,
  usernameOfStream,
} from './events';
import { foldApiUser } from './evolve';
import { daysUntilRetirement, isBasicAuthRetired } from './retirement';

const at = NOW.toISOString();
const later = (ms: number) => new Date(NOW.getTime() + ms);
const HASH = '$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaA';
const created = apiUserEvent<ApiUserEvent>('ApiUserCreated', {
  username: 'Billing.Bot',
  accounts: ['acme'],
  roles: ['billing:read'],
  passwordHash: HASH,
  createdAt: at,
});
const disabled = apiUserEvent<ApiUserEvent>('ApiUserDisabled', { username: 'Billing.Bot', disabledAt: at });
const deleted = apiUserEvent<ApiUserEvent>('ApiUserDeleted', { username: 'Billing.Bot', deletedAt: at });
const migrated = apiUserEvent<ApiUserMigrated>('ApiUserMigrated', {
  username: 'Billing.Bot',
  clientId: '6f1c2a1e-0000-4000-8000-000000000001',
  migratedAt: at,
});
const create = {
  type: 'CreateApiUser',
  username: 'Billing.Bot',
  accounts: ['acme', 'acme'],
  roles: ['billing:read'],
  passwordHash: HASH,
} as const;

describe('an API user is created with a username, accounts and roles', () => {
  it('records the creation with accounts and roles in canonical order, the password only as its hash', () => {
    given([]).when(create).then([created]);
  });
  it('an existing username is refused, even after deletion: usernames are never reused', () => {
    given([created]).when(create).thenThrows('API_USER_ALREADY_EXISTS');
    given([created, deleted]).when(create).thenThrows('API_USER_ALREADY_EXISTS');
  });
  it('a username outside 1-64 of [A-Za-z0-9._@-] is refused', () => {
    for (const username of ['', 'a b', 'x'.repeat(65), 'name:colon'])
      given([])
        .when({ ...create, username })
        .thenThrows('VALIDATION_FAILED');
  });
  it('at least one account and one role are required', () => {
    given([])
      .when({ ...create, accounts: [] })
      .thenThrows('VALIDATION_FAILED');
    given([])
      .when({ ...create, roles: [] })
      .thenThrows('VALIDATION_FAILED');
  });
  it('usernames are case-sensitive: each has its own stream', () => {
    expect(apiUserStreamName('bot')).not.toBe(apiUserStreamName('Bot'));
    expect(usernameOfStream(apiUserStreamName('Bot'))).toBe('Bot');
    expect(usernameOfStream('credential-x')).toBeNull();
  });
});

describe("an API user's roles, accounts and state change", () => {
  it('records only the fields that change', () => {
    given([created])
      .when({ type: 'ChangeApiUserAccess', changes: { roles: ['billing:write'], accounts: ['acme'] } })
      .then([
        apiUserEvent('ApiUserAccessChanged', {
          username: 'Billing.Bot',
          changes: { roles: ['billing:write'] },
          changedAt: at,
        }),
      ]);
    given([created])
      .when({ type: 'ChangeApiUserAccess', changes: { accounts: ['acme'] } })
      .thenNothing();
  });
  it('disabling and enabling are recorded once each', () => {
    given([created]).when({ type: 'DisableApiUser' }).then([disabled]);
    given([created, disabled]).when({ type: 'DisableApiUser' }).thenNothing();
    given([created, disabled])
      .when({ type: 'EnableApiUser' })
      .then([apiUserEvent('ApiUserEnabled', { username: 'Billing.Bot', enabledAt: at })]);
  });
  it('a deleted user is gone for good: every command reads it as not found', () => {
    given([created]).when({ type: 'DeleteApiUser' }).then([deleted]);
    given([created, deleted]).when({ type: 'EnableApiUser' }).thenThrows('API_USER_NOT_FOUND');
    given([created, deleted])
      .when({ type: 'SetApiUserPassword', passwordHash: HASH })
      .thenThrows('API_USER_NOT_FOUND');
    expect(foldApiUser([created, deleted])).toMatchObject({ status: 'deleted', passwordHash: '' });
  });
  it('a user that never existed is not found', () => {
    given([]).when({ type: 'DisableApiUser' }).thenThrows('API_USER_NOT_FOUND');
  });
});

describe('an API user is migrated to a client credential once', () => {
  it('records the link to the new client id', () => {
    given([created])
      .when({ type: 'RecordApiUserMigration', clientId: migrated.data.clientId, disableBasic: false })
      .then([migrated]);
  });
  it('with disableBasic, the user is disabled in the same step', () => {
    given([created])
      .when({ type: 'RecordApiUserMigration', clientId: migrated.data.clientId, disableBasic: true })
      .then([migrated, disabled]);
  });
  it('a second migration is refused', () => {
    given([created, migrated])
      .when({ type: 'RecordApiUserMigration', clientId: 'other', disableBasic: false })
      .thenThrows('API_USER_ALREADY_MIGRATED');
  });
});

describe('Basic authentication uses are folded: at most one record per user per minute', () => {
  const used = apiUserEvent<BasicAuthenticationUsed>('BasicAuthenticationUsed', {
    username: 'Billing.Bot',
    count: 3,
    firstUsedAt: at,
    lastUsedAt: at,
  });
  it('records the count since the first use', () => {
    given([created]).when({ type: 'RecordBasicUse', count: 3, firstUsedAt: at }).then([used]);
  });
  it('within a minute of the last record, nothing more is recorded', () => {
    given([created, used])
      .when({ type: 'RecordBasicUse', count: 1, firstUsedAt: at }, later(59_999))
      .thenNothing();
    given([created, used])
      .when({ type: 'RecordBasicUse', count: 1, firstUsedAt: at }, later(60_000))
      .then([{ ...used, data: { ...used.data, count: 1, lastUsedAt: later(60_000).toISOString() } }]);
  });
  it('the last use is part of the state', () => {
    expect(foldApiUser([created, used])).toMatchObject({ lastUsedAt: at });
  });
});

describe('Basic authentication is retired at BASIC_AUTH_RETIRES_AT, whatever the user state', () => {
  const retiresAt = new Date('2026-12-02T00:00:00Z');
  const before = new Date('2026-11-29T12:00:00Z');
  const state = foldApiUser([created]);

  it('before the instant, an active user with the right password is authenticated', () => {
    expect(authenticateBasic(state, true, before, retiresAt)).toEqual({
      active: true,
      username: 'Billing.Bot',
      accounts: ['acme'],
      roles: ['billing:read'],
    });
  });
  it('unknown, wrong password and disabled give the caller the same answer', () => {
    const answers = [
      authenticateBasic(foldApiUser([]), false, before, retiresAt),
      authenticateBasic(state, false, before, retiresAt),
      authenticateBasic(foldApiUser([created, disabled]), true, before, retiresAt),
    ].map(({ active, ...rest }) => ({ active, reason: 'reason' in rest ? rest.reason : undefined }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });
  it('from the instant on, every authentication is refused and says why', () => {
    expect(authenticateBasic(state, true, retiresAt, retiresAt)).toEqual({
      active: false,
      recorded: 'basic_auth_retired',
      reason: 'basic_auth_retired',
    });
    expect(isBasicAuthRetired(new Date(retiresAt.getTime() - 1), retiresAt)).toBe(false);
  });
  it('the days left are counted up to the instant', () => {
    expect(daysUntilRetirement(before, retiresAt)).toBe(3);
    expect(daysUntilRetirement(new Date('2026-12-01T23:00:00Z'), retiresAt)).toBe(1);
    expect(daysUntilRetirement(retiresAt, retiresAt)).toBe(0);
  });
});
