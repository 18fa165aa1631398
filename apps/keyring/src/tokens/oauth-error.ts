/** RFC 6749 §5.2 errors: what the OAuth endpoints answer instead of problem details. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

/**
 * One answer for every failed client authentication — unknown client, wrong,
 * deleted or expired secret, revoked credential, disallowed address — so the
 * response is no oracle; the real reason goes to the audit record and logs.
 */
export const invalidClient = (): OAuthError =>
  new OAuthError(401, 'invalid_client', 'Client authentication failed', {
    'WWW-Authenticate': 'Basic realm="keyring"',
  });

export const invalidRequest = (description: string): OAuthError =>
  new OAuthError(400, 'invalid_request', description);

export const unsupportedGrantType = (grantType: string): OAuthError =>
  new OAuthError(
    400,
    'unsupported_grant_type',
    `Grant type "${grantType.slice(0, 64)}" is not supported; use client_credentials`,
  );

export const invalidScope = (description: string): OAuthError =>
  new OAuthError(400, 'invalid_scope', description);

export const tokenLimitReached = (description: string, retryAfterSeconds: number): OAuthError =>
  new OAuthError(429, 'token_limit_reached', description, { 'Retry-After': String(retryAfterSeconds) });

export const unauthorizedClient = (description: string): OAuthError =>
  new OAuthError(403, 'unauthorized_client', description);

export const temporarilyUnavailable = (description: string): OAuthError =>
  new OAuthError(503, 'temporarily_unavailable', description, { 'Retry-After': '1' });

export const serverError = (description: string): OAuthError =>
  new OAuthError(500, 'server_error', description);
