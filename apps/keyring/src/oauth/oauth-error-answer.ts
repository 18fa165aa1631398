/**
 * How a failure reads on the OAuth endpoints: RFC 6749 §5.2 JSON instead of
 * problem details. Edge failures before the handler (body too large, bad
 * encoding) become `invalid_request` with their own status.
 */
import { HttpException } from '@nestjs/common';
import { ProblemException } from '../http/problem-details';
import { OAuthError, serverError } from './oauth-error';

export const OAUTH_PATH_PREFIX = '/oauth2/';

export function oauthErrorFor(exception: unknown): OAuthError | null {
  if (exception instanceof OAuthError) return exception;
  if (exception instanceof ProblemException && exception.problem.status < 500) {
    return new OAuthError(exception.problem.status, 'invalid_request', exception.problem.detail);
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return new OAuthError(exception.getStatus(), 'invalid_request', exception.message);
  }
  return null;
}

/** Unexpected failures are logged by the caller and answered without internals. */
export const unexpectedOAuthError = (requestId: string): OAuthError =>
  serverError(`The request could not be completed; quote request id ${requestId} when reporting it`);
