/**
 * Read helpers over a credential's state. "Active" is always judged at a
 * given moment, because secrets and tokens expire without any event.
 */
import type { CredentialState, ExistingCredential, SecretRecord, SecretStatus, TokenRecord } from './state';
import { secondsUntil } from './time';

const isExisting = (state: CredentialState): state is ExistingCredential => state.status !== 'absent';

/** The one rule for a secret's status; read models that keep only these two times use it too. */
export function secretStatus(secret: Pick<SecretRecord, 'deletedAt' | 'expiresAt'>, now: Date): SecretStatus {
  if (secret.deletedAt !== null) return 'deleted';
  return now.getTime() < secret.expiresAt ? 'active' : 'expired';
}

/** Secrets that may authenticate now: not deleted, not expired, on a credential that is not revoked. */
export function activeSecrets(state: CredentialState, now: Date): SecretRecord[] {
  if (!isExisting(state) || state.status === 'revoked') return [];
  return state.secrets.filter((secret) => secretStatus(secret, now) === 'active');
}

const tokenIsLive = (token: TokenRecord, now: Date): boolean =>
  token.revokedAt === null && now.getTime() < token.expiresAt;

/** Tokens that are valid now. Revoking the credential invalidates every token it issued at once. */
export function activeTokens(state: CredentialState, now: Date): TokenRecord[] {
  if (!isExisting(state) || state.status === 'revoked') return [];
  return state.tokens.filter((token) => tokenIsLive(token, now));
}

export function isTokenActive(state: CredentialState, jti: string, now: Date): boolean {
  return activeTokens(state, now).some((token) => token.jti === jti);
}

/**
 * How long a client refused for holding too many tokens should wait: the
 * whole seconds until the first active token expires (at least 1), or `null`
 * when no token is active.
 */
export function secondsUntilOldestActiveTokenExpires(state: CredentialState, now: Date): number | null {
  const active = activeTokens(state, now);
  if (active.length === 0) return null;
  const soonest = Math.min(...active.map((token) => token.expiresAt));
  return Math.max(1, secondsUntil(soonest, now));
}
