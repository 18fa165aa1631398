/** What callers see of a credential: never a secret's value or hash. */
import {
  activeTokens,
  type CredentialFieldName,
  type CredentialFields,
  type ExistingCredential,
  isoFromEpoch,
  type SecretStatus,
  secretStatus,
} from '@keyring/domain';

/** The fields a view shows: every one but the secrets' default lifetime, which views have never shown. */
export type ShownField = Exclude<CredentialFieldName, 'secretLifetimeDays'>;

export interface SecretView {
  readonly secretId: string;
  readonly hint: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: SecretStatus;
  readonly lastUsedAt: string | null;
}

export interface CredentialView extends Pick<CredentialFields, ShownField> {
  readonly clientId: string;
  readonly status: 'active' | 'revoked';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly secrets: readonly SecretView[];
  readonly activeTokenCount: number;
  readonly revision: number;
}

const isoOrNull = (epochMs: number | null): string | null =>
  epochMs === null ? null : isoFromEpoch(epochMs);

export function toCredentialView(state: ExistingCredential, revision: number, now: Date): CredentialView {
  return {
    clientId: state.clientId,
    name: state.name,
    description: state.description,
    environment: state.environment,
    accounts: state.accounts,
    roles: state.roles,
    apis: state.apis,
    allowedIps: state.allowedIps,
    status: state.status,
    createdAt: isoFromEpoch(state.createdAt),
    updatedAt: isoFromEpoch(state.updatedAt),
    revokedAt: isoOrNull(state.revokedAt),
    lastUsedAt: isoOrNull(state.lastUsedAt),
    secrets: state.secrets.map((secret) => ({
      secretId: secret.secretId,
      hint: secret.hint,
      createdAt: isoFromEpoch(secret.createdAt),
      expiresAt: isoFromEpoch(secret.expiresAt),
      status: secretStatus(secret, now),
      lastUsedAt: isoOrNull(secret.lastUsedAt),
    })),
    activeTokenCount: activeTokens(state, now).length,
    revision,
  };
}
