/**
 * Every refusal the service makes, by its stable code. One union, so that
 * each edge's table (REST problem, OAuth error, gRPC status) is a
 * `Record<RefusalCode, …>` the compiler checks for completeness.
 */

/** The credential's own rules: what `decide` answers. */
export type CredentialRefusalCode =
  | 'VALIDATION_FAILED'
  | 'CREDENTIAL_NOT_FOUND'
  | 'CREDENTIAL_ALREADY_EXISTS'
  | 'CREDENTIAL_REVOKED'
  | 'SECRET_NOT_FOUND'
  | 'SECRET_ALREADY_DELETED'
  | 'SECRET_LIMIT_REACHED'
  | 'INVALID_CLIENT_SECRET'
  | 'IP_NOT_ALLOWED'
  | 'INVALID_SCOPE'
  | 'TOKEN_LIMIT_REACHED'
  | 'TOKEN_NOT_FOUND';

/** The legacy API user's own rules. */
export type ApiUserRefusalCode =
  | 'API_USER_NOT_FOUND'
  | 'API_USER_ALREADY_EXISTS'
  | 'API_USER_ALREADY_MIGRATED'
  | 'BASIC_AUTH_RETIRED';

/** A caller reaching past its own accounts. */
export type ReachRefusalCode = 'ACCOUNT_OUT_OF_REACH';

/** The application around the domain: concurrent writers, and callers of the management interfaces. */
export type ApplicationRefusalCode =
  | 'CONCURRENCY_CONFLICT'
  | 'APPEND_OUTCOME_UNKNOWN'
  | 'STORAGE_FULL'
  | 'SERVICE_STOPPING'
  | 'AUTHENTICATION_REQUIRED'
  | 'INVALID_TOKEN'
  | 'ROLE_REQUIRED'
  | 'ADMIN_CONSOLE_NOT_BUILT';

/** Requests an edge cannot read, refused before any command is made of them. */
export type RequestRefusalCode =
  | 'MALFORMED_REQUEST'
  | 'MALFORMED_BODY'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNSUPPORTED_ENCODING'
  | 'UNSUPPORTED_CHARSET';

/**
 * The token grant's own words (RFC 6749 §5.2), for what the credential's
 * codes would tell too much or too little; INVALID_SCOPE and
 * TOKEN_LIMIT_REACHED are the credential's.
 */
export type GrantRefusalCode =
  | 'INVALID_CLIENT'
  | 'INVALID_REQUEST'
  | 'UNSUPPORTED_GRANT_TYPE'
  | 'UNAUTHORIZED_CLIENT'
  | 'TEMPORARILY_UNAVAILABLE';

/**
 * Throttles that keep floods from costing the service or its records: an
 * address with too many failed client authentications, a credential issuing
 * tokens too fast (an issue/revoke loop). Both say when to retry.
 */
export type ThrottleRefusalCode = 'TOO_MANY_FAILED_REQUESTS' | 'TOKEN_ISSUE_RATE_EXCEEDED';

export type RefusalCode =
  | CredentialRefusalCode
  | ApiUserRefusalCode
  | ReachRefusalCode
  | ApplicationRefusalCode
  | RequestRefusalCode
  | GrantRefusalCode
  | ThrottleRefusalCode;
