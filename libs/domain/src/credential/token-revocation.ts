/**
 * Revoking tokens as part of another change: deleting a leaked secret, or
 * narrowing a credential. The revocations go in the same append as the
 * change, so no reader ever sees the change without them.
 */
import { CREDENTIAL_EVENT_SCHEMA_VERSION, type TokenRevocationReason, type TokenRevoked } from './events';
import type { CredentialChanges } from './fields';
import { activeTokens } from './queries';
import type { ExistingCredential, TokenRecord } from './state';

export const tokenRevokedEvent = (
  clientId: string,
  jti: string,
  now: Date,
  reason: TokenRevocationReason,
): TokenRevoked => ({
  type: 'TokenRevoked',
  schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
  data: { clientId, jti, revokedAt: now.toISOString(), reason },
});

/** Revocations of every token active now that `carries` picks, for `reason`. */
export function revokeActiveTokens(
  state: ExistingCredential,
  now: Date,
  reason: TokenRevocationReason,
  carries: (token: TokenRecord) => boolean,
): TokenRevoked[] {
  return activeTokens(state, now)
    .filter(carries)
    .map((token) => tokenRevokedEvent(state.clientId, token.jti, now, reason));
}

const removed = (before: readonly string[], after: readonly string[] | undefined): Set<string> =>
  new Set(after === undefined ? [] : before.filter((item) => !after.includes(item)));

const carriesAny = (claims: readonly string[], taken: Set<string>): boolean =>
  claims.some((claim) => taken.has(claim));

/**
 * What a token carries that `changes` take away from the credential: an api
 * in its scope, an account or a role in its claims. Such a token would keep
 * telling resource servers what is no longer true, so the update revokes it.
 */
export function tokenCarriesRemoved(
  state: ExistingCredential,
  changes: CredentialChanges,
): (token: TokenRecord) => boolean {
  const apis = removed(state.apis, changes.apis);
  const accounts = removed(state.accounts, changes.accounts);
  const roles = removed(state.roles, changes.roles);
  return (token) =>
    carriesAny(token.scope, apis) || carriesAny(token.accounts, accounts) || carriesAny(token.roles, roles);
}
