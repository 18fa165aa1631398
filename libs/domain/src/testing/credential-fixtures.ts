/**
 * Events and commands for specifications, at fixed moments. Each builder
 * takes overrides so a spec shows only what matters to its rule.
 */
import type { CreateCredential, IssueToken } from '../credential/commands';
import type { CreationFields } from '../credential/fields';
import {
  CREDENTIAL_EVENT_SCHEMA_VERSION,
  type CredentialCreated,
  type CredentialRevoked,
  type SecretDeleted,
  type SecretGenerated,
  type TokenIssued,
  type TokenRevocationReason,
  type TokenRevoked,
} from '../credential/events';

export const CLIENT_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
/** When the credential was created. */
export const CREATED_AT = '2025-01-01T00:00:00.000Z';
/** The default moment a command arrives: a month after creation, before any default expiry. */
export const NOW = new Date('2025-02-01T00:00:00.000Z');

export const at = (iso: string): Date => new Date(iso);
export const secondsAfter = (moment: Date, seconds: number): Date =>
  new Date(moment.getTime() + seconds * 1000);
export const daysAfter = (moment: Date, days: number): Date => new Date(moment.getTime() + days * 86_400_000);

/** A stand-in for an HMAC: 64 hex characters that differ per label. */
export const hashOf = (label: string): string =>
  Buffer.from(label).toString('hex').padEnd(64, '0').slice(0, 64);

const version = CREDENTIAL_EVENT_SCHEMA_VERSION;

export const validFields = (overrides: Partial<CreationFields> = {}): CreationFields => ({
  name: 'Billing exporter',
  description: 'Exports invoices nightly',
  environment: 'production',
  accounts: ['9900001'],
  roles: ['keyring:admin'],
  apis: ['messaging', 'voice'],
  allowedIps: [],
  secretLifetimeDays: 90,
  ...overrides,
});

export const createCredential = (
  overrides: Partial<CreationFields> = {},
  clientId: string = CLIENT_ID,
): CreateCredential => ({
  type: 'CreateCredential',
  clientId,
  fields: validFields(overrides),
  firstSecret: { secretId: 'secret-1', secretHash: hashOf('secret-1'), hint: 'kr_sec_…AAAA' },
});

export const credentialCreated = (overrides: Partial<CredentialCreated['data']> = {}): CredentialCreated => ({
  type: 'CredentialCreated',
  schemaVersion: version,
  data: {
    clientId: CLIENT_ID,
    name: 'Billing exporter',
    description: 'Exports invoices nightly',
    environment: 'production',
    accounts: ['9900001'],
    roles: ['keyring:admin'],
    apis: ['messaging', 'voice'],
    allowedIps: [],
    secretLifetimeDays: 90,
    createdAt: CREATED_AT,
    ...overrides,
  },
});

export const secretGenerated = (
  secretId = 'secret-1',
  overrides: Partial<SecretGenerated['data']> = {},
): SecretGenerated => ({
  type: 'SecretGenerated',
  schemaVersion: version,
  data: {
    clientId: CLIENT_ID,
    secretId,
    secretHash: hashOf(secretId),
    hint: 'kr_sec_…AAAA',
    createdAt: CREATED_AT,
    expiresAt: '2025-04-01T00:00:00.000Z',
    ...overrides,
  },
});

export const secretDeleted = (secretId = 'secret-1', deletedAt = CREATED_AT): SecretDeleted => ({
  type: 'SecretDeleted',
  schemaVersion: version,
  data: { clientId: CLIENT_ID, secretId, deletedAt },
});

/** A one-hour token issued `minutesBeforeNow` before NOW. */
export const tokenIssued = (
  jti: string,
  minutesBeforeNow = 10,
  overrides: Partial<TokenIssued['data']> = {},
): TokenIssued => {
  const issuedAt = new Date(NOW.getTime() - minutesBeforeNow * 60_000);
  return {
    type: 'TokenIssued',
    schemaVersion: version,
    data: {
      clientId: CLIENT_ID,
      jti,
      secretId: 'secret-1',
      issuedAt: issuedAt.toISOString(),
      expiresAt: secondsAfter(issuedAt, 3600).toISOString(),
      scope: ['messaging', 'voice'],
      sourceIp: '203.0.113.7',
      ...overrides,
    },
  };
};

export const tokenRevoked = (
  jti: string,
  revokedAt = NOW.toISOString(),
  reason: TokenRevocationReason = 'requested',
): TokenRevoked => ({
  type: 'TokenRevoked',
  schemaVersion: version,
  data: { clientId: CLIENT_ID, jti, revokedAt, reason },
});

export const credentialRevoked = (revokedAt = '2025-01-15T00:00:00.000Z'): CredentialRevoked => ({
  type: 'CredentialRevoked',
  schemaVersion: version,
  data: { clientId: CLIENT_ID, revokedAt, reason: 'revoked by administrator' },
});

export const issueToken = (overrides: Partial<Omit<IssueToken, 'type'>> = {}): IssueToken => ({
  type: 'IssueToken',
  jti: 'jti-new',
  presentedSecretHash: hashOf('secret-1'),
  sourceIp: '203.0.113.7',
  requestedScope: null,
  lifetimeSeconds: 3600,
  ...overrides,
});

/** A created credential with its first secret, the start of most specifications. */
export const existingCredential = () => [credentialCreated(), secretGenerated('secret-1')];
