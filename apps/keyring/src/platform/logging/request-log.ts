/**
 * How a finished HTTP request reads in the log, whoever served it: pino-http
 * for the routes Express serves, the direct token endpoint for its own.
 */
import { withoutSecrets } from '@keyring/domain';

export type RequestLogLevel = 'info' | 'warn' | 'error';

/** A server failure is an error, a refusal a warning, anything else information. */
export const requestLogLevel = (statusCode: number, error?: unknown): RequestLogLevel =>
  error || statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';

export interface RequestLogFacts {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly remoteAddress?: string;
}

/** The `req` of a request's log line. */
export const loggedRequest = (request: RequestLogFacts): RequestLogFacts => ({
  id: request.id,
  method: request.method,
  // Query strings can carry credentials sent the wrong way; log the path only, and no secret in it.
  url: withoutSecrets(request.url.split('?')[0]),
  remoteAddress: request.remoteAddress,
});
