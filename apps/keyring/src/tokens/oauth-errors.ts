/**
 * How each refusal reads on the OAuth endpoints (RFC 6749 §5.2): the one
 * table they consult instead of problem details.
 */
import type { Refusal, RefusalCode } from '@keyring/domain';

interface OAuthErrorMapping {
  readonly status: number;
  readonly error: string;
  /** Said instead of the refusal's message, where that would tell too much. */
  readonly description?: string;
  /** How the client should authenticate (WWW-Authenticate). */
  readonly challenge?: string;
}

/**
 * Every failed client authentication reads alike, whatever the reason, so
 * that the answer is no oracle; the token grant already says INVALID_CLIENT.
 */
const INVALID_CLIENT: OAuthErrorMapping = {
  status: 401,
  error: 'invalid_client',
  description: 'Client authentication failed',
  challenge: 'Basic realm="keyring"',
};
const invalidRequestWith = (status: number): OAuthErrorMapping => ({ status, error: 'invalid_request' });
const TEMPORARILY_UNAVAILABLE: OAuthErrorMapping = { status: 503, error: 'temporarily_unavailable' };

/** Refusals no OAuth endpoint makes: one met here is a fault, answered as server_error. */
const NOT_OAUTH = null;

export const OAUTH_ERRORS: Readonly<Record<RefusalCode, OAuthErrorMapping | typeof NOT_OAUTH>> = {
  VALIDATION_FAILED: invalidRequestWith(400),
  CREDENTIAL_NOT_FOUND: INVALID_CLIENT,
  CREDENTIAL_ALREADY_EXISTS: NOT_OAUTH,
  CREDENTIAL_REVOKED: INVALID_CLIENT,
  SECRET_NOT_FOUND: NOT_OAUTH,
  SECRET_ALREADY_DELETED: NOT_OAUTH,
  SECRET_LIMIT_REACHED: NOT_OAUTH,
  INVALID_CLIENT_SECRET: INVALID_CLIENT,
  IP_NOT_ALLOWED: INVALID_CLIENT,
  INVALID_SCOPE: { status: 400, error: 'invalid_scope' },
  TOKEN_LIMIT_REACHED: { status: 429, error: 'token_limit_reached' },
  TOKEN_NOT_FOUND: NOT_OAUTH,
  API_USER_NOT_FOUND: NOT_OAUTH,
  API_USER_ALREADY_EXISTS: NOT_OAUTH,
  API_USER_ALREADY_MIGRATED: NOT_OAUTH,
  BASIC_AUTH_RETIRED: NOT_OAUTH,
  ACCOUNT_OUT_OF_REACH: NOT_OAUTH,
  CONCURRENCY_CONFLICT: TEMPORARILY_UNAVAILABLE,
  APPEND_OUTCOME_UNKNOWN: TEMPORARILY_UNAVAILABLE,
  STORAGE_FULL: TEMPORARILY_UNAVAILABLE,
  SERVICE_STOPPING: TEMPORARILY_UNAVAILABLE,
  AUTHENTICATION_REQUIRED: NOT_OAUTH,
  INVALID_TOKEN: NOT_OAUTH,
  ROLE_REQUIRED: NOT_OAUTH,
  ADMIN_CONSOLE_NOT_BUILT: NOT_OAUTH,
  MALFORMED_REQUEST: invalidRequestWith(400),
  MALFORMED_BODY: invalidRequestWith(400),
  BODY_TOO_LARGE: invalidRequestWith(413),
  UNSUPPORTED_MEDIA_TYPE: invalidRequestWith(415),
  UNSUPPORTED_ENCODING: invalidRequestWith(415),
  UNSUPPORTED_CHARSET: invalidRequestWith(415),
  INVALID_CLIENT,
  INVALID_REQUEST: invalidRequestWith(400),
  UNSUPPORTED_GRANT_TYPE: { status: 400, error: 'unsupported_grant_type' },
  UNAUTHORIZED_CLIENT: { status: 403, error: 'unauthorized_client' },
  TEMPORARILY_UNAVAILABLE,
  // RFC 6749 names no error for throttling; like token_limit_reached, these are 429 with Retry-After.
  TOO_MANY_FAILED_REQUESTS: { status: 429, error: 'too_many_failed_requests' },
  TOKEN_ISSUE_RATE_EXCEEDED: { status: 429, error: 'token_issue_rate_exceeded' },
};

export interface OAuthError {
  readonly status: number;
  readonly error: string;
  readonly description: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The OAuth error a refusal reads as; null for one no OAuth endpoint makes. */
export function oauthErrorOf(refusal: Refusal): OAuthError | null {
  const mapping = OAUTH_ERRORS[refusal.code];
  if (mapping === NOT_OAUTH) return null;
  const { retryAfterSeconds } = refusal.details;
  return {
    status: mapping.status,
    error: mapping.error,
    description: mapping.description ?? refusal.message,
    headers: {
      ...(mapping.challenge === undefined ? {} : { 'WWW-Authenticate': mapping.challenge }),
      ...(retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }),
    },
  };
}
