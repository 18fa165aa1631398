/** How each refusal reads over REST: the one table the problem-details filter consults. */
import type { Refusal, RefusalCode } from '@keyring/domain';
import { problem, type ProblemDetails } from './problem-details';

interface ProblemMapping {
  readonly status: number;
  readonly title: string;
  /** The problem's `code`, where the API's contract names it otherwise than the refusal. */
  readonly code?: string;
  /** RFC 6750 §3: how the caller should authenticate (WWW-Authenticate). */
  readonly challenge?: string;
}

const BEARER = 'Bearer realm="keyring"';

export const REFUSAL_PROBLEMS: Readonly<Record<RefusalCode, ProblemMapping>> = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  CREDENTIAL_NOT_FOUND: { status: 404, title: 'Credential not found' },
  CREDENTIAL_ALREADY_EXISTS: { status: 409, title: 'Credential already exists' },
  CREDENTIAL_REVOKED: { status: 409, title: 'Credential revoked' },
  SECRET_NOT_FOUND: { status: 404, title: 'Secret not found' },
  SECRET_ALREADY_DELETED: { status: 409, title: 'Secret already deleted' },
  SECRET_LIMIT_REACHED: { status: 409, title: 'Secret limit reached' },
  INVALID_CLIENT_SECRET: { status: 401, title: 'Client authentication failed' },
  IP_NOT_ALLOWED: { status: 403, title: 'Source address not allowed' },
  INVALID_SCOPE: { status: 400, title: 'Scope not allowed' },
  TOKEN_LIMIT_REACHED: { status: 429, title: 'Token limit reached' },
  TOKEN_NOT_FOUND: { status: 404, title: 'Token not found' },
  API_USER_NOT_FOUND: { status: 404, title: 'API user not found' },
  API_USER_ALREADY_EXISTS: { status: 409, title: 'API user already exists' },
  API_USER_ALREADY_MIGRATED: { status: 409, title: 'API user already migrated' },
  BASIC_AUTH_RETIRED: { status: 401, title: 'Basic authentication retired', challenge: BEARER },
  ACCOUNT_OUT_OF_REACH: { status: 403, title: 'Account out of reach' },
  CONCURRENCY_CONFLICT: { status: 409, title: 'Concurrent modification' },
  APPEND_OUTCOME_UNKNOWN: { status: 503, title: 'Change not confirmed' },
  STORAGE_FULL: { status: 503, title: 'Storage full' },
  SERVICE_STOPPING: { status: 503, title: 'Service stopping' },
  AUTHENTICATION_REQUIRED: { status: 401, title: 'Authentication required', challenge: BEARER },
  INVALID_TOKEN: {
    status: 401,
    title: 'Invalid access token',
    challenge: `${BEARER}, error="invalid_token"`,
  },
  // The management API needs one role only, the admin role.
  ROLE_REQUIRED: {
    status: 403,
    title: 'Admin role required',
    code: 'ADMIN_ROLE_REQUIRED',
    challenge: `${BEARER}, error="insufficient_scope"`,
  },
  ADMIN_CONSOLE_NOT_BUILT: { status: 503, title: 'Admin console not built' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  MALFORMED_BODY: { status: 400, title: 'Malformed body' },
  BODY_TOO_LARGE: { status: 413, title: 'Body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  UNSUPPORTED_ENCODING: { status: 415, title: 'Unsupported encoding', code: 'UNSUPPORTED_MEDIA_TYPE' },
  UNSUPPORTED_CHARSET: { status: 415, title: 'Unsupported charset', code: 'UNSUPPORTED_MEDIA_TYPE' },
  // The token grant's refusals; the OAuth endpoints answer them in their own dialect.
  INVALID_CLIENT: { status: 401, title: 'Client authentication failed' },
  INVALID_REQUEST: { status: 400, title: 'The request is not valid' },
  UNSUPPORTED_GRANT_TYPE: { status: 400, title: 'Unsupported grant type' },
  UNAUTHORIZED_CLIENT: { status: 403, title: 'Client not authorized' },
  TEMPORARILY_UNAVAILABLE: { status: 503, title: 'Temporarily unavailable' },
  TOO_MANY_FAILED_REQUESTS: { status: 429, title: 'Too many failed requests' },
  TOKEN_ISSUE_RATE_EXCEEDED: { status: 429, title: 'Tokens issued too fast' },
};

export interface ProblemAnswer {
  readonly body: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;
}

export function problemFor(refusal: Refusal): ProblemAnswer {
  const { status, title, code = refusal.code, challenge } = REFUSAL_PROBLEMS[refusal.code];
  const { violations, retryAfterSeconds } = refusal.details;
  return {
    body: problem(status, code, title, refusal.message, violations),
    headers: {
      ...(retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }),
      ...(challenge === undefined ? {} : { 'WWW-Authenticate': challenge }),
    },
  };
}
