/**
 * Decisions about access tokens. Every refused token request for a known
 * client records a TokenRequestRefused event beside its refusal, so the audit
 * trail shows failed access attempts even though they change no state (the
 * application may fold many of them into one counted record).
 */
import { type FieldViolation, Refusal, type RefusalDetails } from '../refusal/refusal';
import type { CredentialRefusalCode } from '../refusal/refusal-code';
import type { IssueToken, RevokeToken } from './commands';
import { accepted, type Decision, refused } from './decision';
import { CREDENTIAL_EVENT_SCHEMA_VERSION } from './events';
import { excerpt } from './echo';
import { FIELD_LIMITS } from './fields';
import { isIpAllowed } from './ip-rules';
import { activeTokens, isTokenActive, secondsUntilOldestActiveTokenExpires } from './queries';
import { tokenRequestRefused } from './refusal-records';
import { credentialRevokedMessage, validationFailed } from './refusals';
import { authenticatingSecret } from './secret-authentication';
import type { ExistingCredential } from './state';
import { plusSeconds } from './time';
import { tokenRevokedEvent } from './token-revocation';

function tokenRequestViolations(command: IssueToken, state: ExistingCredential): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (state.tokens.some((token) => token.jti === command.jti)) {
    violations.push({ field: 'jti', message: 'a token with this jti was already issued; use a new jti' });
  }
  if (!Number.isInteger(command.lifetimeSeconds) || command.lifetimeSeconds < 1) {
    violations.push({
      field: 'lifetimeSeconds',
      message: 'lifetimeSeconds must be a whole number of seconds, at least 1',
    });
  }
  return violations;
}

/** The scopes a refusal names: a few, each a short excerpt, never one that carries a secret. */
const ECHOED_SCOPES = 5;
function echoedScopes(scopes: readonly string[]): string {
  const named = scopes.slice(0, ECHOED_SCOPES).map((scope) => excerpt(scope));
  const more = scopes.length - named.length;
  return more > 0 ? `${named.join(' ')} (and ${more} more)` : named.join(' ');
}

export function decideIssueToken(command: IssueToken, state: ExistingCredential, now: Date): Decision {
  const refuse = (
    code: CredentialRefusalCode,
    message: string,
    secretId: string | null,
    details: RefusalDetails = {},
  ): Decision => {
    const recorded = tokenRequestRefused({
      clientId: state.clientId,
      reason: code,
      sourceIp: command.sourceIp,
      requestedScope: command.requestedScope,
      secretId,
      refusedAt: now,
    });
    return refused(new Refusal(code, message, details), [recorded]);
  };

  // The order of checks is part of the contract: each refusal names the first rule the request broke.
  // 1. The credential must still exist.
  if (state.status === 'revoked') return refuse('CREDENTIAL_REVOKED', credentialRevokedMessage(state), null);

  // 2. The client must present an active secret.
  const secret = authenticatingSecret(state, command.presentedSecretHash, now);
  if (!secret) return refuse('INVALID_CLIENT_SECRET', 'The client ID or secret is not valid', null);

  // 3. The request must come from an allowed address.
  if (!isIpAllowed(state.allowedIps, command.sourceIp)) {
    const message =
      `Requests from ${command.sourceIp} are not allowed for this credential; ` +
      'ask its administrator to add the address to allowedIps';
    return refuse('IP_NOT_ALLOWED', message, secret.secretId);
  }

  // 4. Only granted APIs may be requested; no scope at all means every granted API.
  const scope = command.requestedScope === null ? [...state.apis] : [...new Set(command.requestedScope)];
  const notGranted = scope.filter((api) => !state.apis.includes(api));
  if (notGranted.length > 0) {
    const granted = state.apis.length === 0 ? 'none' : state.apis.join(' ');
    const message = `Scope ${echoedScopes(notGranted)} is not granted to this credential; granted: ${granted}`;
    return refuse('INVALID_SCOPE', message, secret.secretId);
  }

  // 5. At most ten tokens may be active at once.
  if (activeTokens(state, now).length >= FIELD_LIMITS.maxActiveTokens) {
    const retryAfterSeconds = secondsUntilOldestActiveTokenExpires(state, now) ?? 1;
    const message =
      `Credential ${state.clientId} already has ${FIELD_LIMITS.maxActiveTokens} active tokens, the most allowed; ` +
      `retry in ${retryAfterSeconds} seconds, when the oldest expires, or revoke a token`;
    return refuse('TOKEN_LIMIT_REACHED', message, secret.secretId, { retryAfterSeconds });
  }

  // 6. The edge-made values must be usable; a failure here is a server fault, but stays on record too.
  const violations = tokenRequestViolations(command, state);
  if (violations.length > 0) {
    const { message } = validationFailed('The token request', violations);
    return refuse('VALIDATION_FAILED', message, secret.secretId, { violations });
  }

  return accepted([
    {
      type: 'TokenIssued',
      schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
      data: {
        clientId: state.clientId,
        jti: command.jti,
        secretId: secret.secretId,
        issuedAt: now.toISOString(),
        expiresAt: plusSeconds(now, command.lifetimeSeconds).toISOString(),
        scope,
        sourceIp: command.sourceIp,
      },
    },
  ]);
}

/** Revoking a token already revoked or expired is what was asked for: nothing to record. */
export function decideRevokeToken(command: RevokeToken, state: ExistingCredential, now: Date): Decision {
  if (!state.tokens.some((token) => token.jti === command.jti)) {
    return refused(
      new Refusal(
        'TOKEN_NOT_FOUND',
        `Credential ${state.clientId} has no token ${command.jti}; list its active tokens to find the jti`,
      ),
    );
  }
  if (!isTokenActive(state, command.jti, now)) return accepted([]);
  return accepted([tokenRevokedEvent(state.clientId, command.jti, now, 'requested')]);
}
