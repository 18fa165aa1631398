/**
 * How a failure reads on the OAuth endpoints: RFC 6749 §5.2 JSON instead of
 * problem details, never cached: refusals by the table of `oauth-errors.ts`;
 * Nest's own failures before the handler (an unknown route) become
 * `invalid_request` with their own status.
 */
import { HttpException } from '@nestjs/common';
import { isRefusal, withoutSecrets } from '@keyring/domain';
import { type OAuthError, oauthErrorOf } from '../oauth-errors';

export const OAUTH_PATH_PREFIX = '/oauth2/';

/** RFC 6749 §5.1: token and error responses must not be cached. */
export const NO_STORE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
};

function knownOAuthError(exception: unknown): OAuthError | null {
  if (isRefusal(exception)) return oauthErrorOf(exception);
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return {
      status: exception.getStatus(),
      error: 'invalid_request',
      description: withoutSecrets(exception.message),
      headers: {},
    };
  }
  return null;
}

export interface OAuthErrorAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { readonly error: string; readonly error_description: string };
}

/** The answer to a failure; an unexpected one is handed to `logUnexpected` and answered without internals. */
export function oauthErrorAnswer(
  exception: unknown,
  requestId: string,
  logUnexpected: (exception: unknown) => void,
): OAuthErrorAnswer {
  let error = knownOAuthError(exception);
  if (!error) {
    logUnexpected(exception);
    error = {
      status: 500,
      error: 'server_error',
      description: `The request could not be completed; quote request id ${requestId} when reporting it`,
      headers: {},
    };
  }
  return {
    status: error.status,
    headers: { ...error.headers, ...NO_STORE_HEADERS },
    body: { error: error.error, error_description: error.description },
  };
}
