import {
  CLIENT_ID,
  credentialCreated,
  daysAfter,
  hashOf,
  NOW,
  secretDeleted,
  secretGenerated,
} from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';
import type { DeleteSecret, GenerateSecret } from './commands';

const generateSecret = (secretId: string, expiresInDays?: number): GenerateSecret => ({
  type: 'GenerateSecret',
  secret: { secretId, secretHash: hashOf(secretId), hint: 'kr_sec_…BBBB' },
  expiresInDays,
});
const deleteSecret = (secretId: string): DeleteSecret => ({ type: 'DeleteSecret', secretId });
const generated = (secretId: string, expiresAt: Date) =>
  secretGenerated(secretId, {
    hint: 'kr_sec_…BBBB',
    createdAt: NOW.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });

describe('a second secret may be generated for rotation', () => {
  it("expires after the credential's default lifetime", () => {
    given([credentialCreated({ secretLifetimeDays: 30 }), secretGenerated('secret-1')])
      .when(generateSecret('secret-2'))
      .then([generated('secret-2', daysAfter(NOW, 30))]);
  });

  it('may have its own lifetime of 1 to 365 days', () => {
    given([credentialCreated(), secretGenerated('secret-1')])
      .when(generateSecret('secret-2', 365))
      .then([generated('secret-2', daysAfter(NOW, 365))]);
  });

  it.each([0, 366, 2.5])('refuses a lifetime of %p days', (days) => {
    given([credentialCreated(), secretGenerated('secret-1')])
      .when(generateSecret('secret-2', days))
      .thenThrows('VALIDATION_FAILED', (error) => error.details.violations?.[0].field === 'expiresInDays');
  });

  it('refuses to reuse a secret ID', () => {
    given([credentialCreated(), secretGenerated('secret-1')])
      .when(generateSecret('secret-1'))
      .thenThrows('VALIDATION_FAILED', (error) => error.details.violations?.[0].field === 'secret.secretId');
  });
});

describe('a third active secret is refused', () => {
  it('tells the caller to delete one of the two active secrets first', () => {
    given([credentialCreated(), secretGenerated('secret-1'), secretGenerated('secret-2')])
      .when(generateSecret('secret-3'))
      .thenThrows('SECRET_LIMIT_REACHED', (error) =>
        expect(error.message).toBe(
          `Credential ${CLIENT_ID} already has 2 active secrets (secret-1 and secret-2), the most allowed; ` +
            'delete one of the two active secrets before generating another',
        ),
      );
  });
});

describe('an expired secret does not count toward the two-secret limit', () => {
  it('allows a new secret next to one active and one expired', () => {
    const expiredYesterday = daysAfter(NOW, -1).toISOString();
    given([
      credentialCreated(),
      secretGenerated('secret-1', { expiresAt: expiredYesterday }),
      secretGenerated('secret-2'),
    ])
      .when(generateSecret('secret-3'))
      .then([generated('secret-3', daysAfter(NOW, 90))]);
  });

  it('counts a secret as expired from the very moment it expires', () => {
    given([
      credentialCreated(),
      secretGenerated('secret-1', { expiresAt: NOW.toISOString() }),
      secretGenerated('secret-2'),
    ])
      .when(generateSecret('secret-3'))
      .then([generated('secret-3', daysAfter(NOW, 90))]);
  });
});

describe('a deleted secret does not count toward the two-secret limit', () => {
  it('allows a new secret once one of two is deleted', () => {
    given([
      credentialCreated(),
      secretGenerated('secret-1'),
      secretGenerated('secret-2'),
      secretDeleted('secret-1'),
    ])
      .when(generateSecret('secret-3'))
      .then([generated('secret-3', daysAfter(NOW, 90))]);
  });
});

describe('deleting a secret is permanent', () => {
  const secretDeletedNow = secretDeleted('secret-1', NOW.toISOString());

  it('records the deletion', () => {
    given([credentialCreated(), secretGenerated('secret-1')])
      .when(deleteSecret('secret-1'))
      .then([secretDeletedNow]);
  });

  it('may delete an expired secret', () => {
    given([credentialCreated(), secretGenerated('secret-1', { expiresAt: '2025-01-02T00:00:00.000Z' })])
      .when(deleteSecret('secret-1'))
      .then([secretDeletedNow]);
  });

  it('refuses an unknown secret', () => {
    given([credentialCreated(), secretGenerated('secret-1')])
      .when(deleteSecret('secret-9'))
      .thenThrows('SECRET_NOT_FOUND', (error) => error.message.includes('secret-9'));
  });

  it('refuses to delete a secret twice', () => {
    given([credentialCreated(), secretGenerated('secret-1'), secretDeleted('secret-1')])
      .when(deleteSecret('secret-1'))
      .thenThrows('SECRET_ALREADY_DELETED');
  });
});
