/** The token grant's refusals (RFC 6749 §5.2), as the OAuth endpoints and gRPC's TokenService make them. */
import { quoted, Refusal } from '@keyring/domain';

/**
 * One answer for every failed client authentication — unknown client, wrong,
 * deleted or expired secret, revoked credential, disallowed address — so the
 * response is no oracle; the real reason goes to the audit record and logs.
 */
export const invalidClient = (): Refusal<'INVALID_CLIENT'> =>
  new Refusal('INVALID_CLIENT', 'Client authentication failed');

export const invalidRequest = (message: string): Refusal<'INVALID_REQUEST'> =>
  new Refusal('INVALID_REQUEST', message);

/** Echoes the caller's grant type only as a short excerpt, and never one that looks like a secret. */
export const unsupportedGrantType = (grantType: string): Refusal<'UNSUPPORTED_GRANT_TYPE'> =>
  new Refusal(
    'UNSUPPORTED_GRANT_TYPE',
    `Grant type ${quoted(grantType)} is not supported; use client_credentials`,
  );

/** Names the `scope` field, so a gRPC caller finds it in the field violations. */
export const invalidScope = (message: string): Refusal<'INVALID_SCOPE'> =>
  new Refusal('INVALID_SCOPE', message, { violations: [{ field: 'scope', message }] });

export const unauthorizedClient = (message: string): Refusal<'UNAUTHORIZED_CLIENT'> =>
  new Refusal('UNAUTHORIZED_CLIENT', message);

/** The grant's word for a conflict that outlasted every retry: try again in a second. */
export const temporarilyUnavailable = (message: string): Refusal<'TEMPORARILY_UNAVAILABLE'> =>
  new Refusal('TEMPORARILY_UNAVAILABLE', message, { retryAfterSeconds: 1 });

/** An address past its budget of failed client authentications: no credential is checked until it ends. */
export const tooManyFailedRequests = (retryAfterSeconds: number): Refusal<'TOO_MANY_FAILED_REQUESTS'> =>
  new Refusal(
    'TOO_MANY_FAILED_REQUESTS',
    `Too many failed client authentications from this address; retry in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );

/** A credential issued tokens faster than allowed (an issue/revoke loop). */
export const tokenIssueRateExceeded = (
  limit: number,
  windowSeconds: number,
  retryAfterSeconds: number,
): Refusal<'TOKEN_ISSUE_RATE_EXCEEDED'> =>
  new Refusal(
    'TOKEN_ISSUE_RATE_EXCEEDED',
    `This client was issued ${limit} tokens in the last ${windowSeconds} seconds, the most allowed; ` +
      `retry in ${retryAfterSeconds} seconds, and reuse a token until it expires`,
    { retryAfterSeconds },
  );
