/** What callers see of a credential: never a secret's value or hash. */
import { activeTokens, type ExistingCredential, type SecretStatus, secretStatus } from '@keyring/domain';

export interface SecretView {
  readonly secretId: string;
  readonly hint: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: SecretStatus;
  readonly lastUsedAt: string | null;
}

export interface CredentialView {
  readonly clientId: string;
  readonly name: string;
  readonly description: string;
  readonly environment: string;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  readonly apis: readonly string[];
  readonly allowedIps: readonly string[];
  readonly status: 'active' | 'revoked';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly secrets: readonly SecretView[];
  readonly activeTokenCount: number;
  readonly revision: number;
}

export const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const isoOrNull = (epochMs: number | null): string | null => (epochMs === null ? null : iso(epochMs));

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
    createdAt: iso(state.createdAt),
    updatedAt: iso(state.updatedAt),
    revokedAt: isoOrNull(state.revokedAt),
    lastUsedAt: isoOrNull(state.lastUsedAt),
    secrets: state.secrets.map((secret) => ({
      secretId: secret.secretId,
      hint: secret.hint,
      createdAt: iso(secret.createdAt),
      expiresAt: iso(secret.expiresAt),
      status: secretStatus(secret, now),
      lastUsedAt: isoOrNull(secret.lastUsedAt),
    })),
    activeTokenCount: activeTokens(state, now).length,
    revision,
  };
}
