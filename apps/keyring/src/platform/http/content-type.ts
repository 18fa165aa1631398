/**
 * The content-type rule every body-taking route shares: a request that
 * carries a body must declare the media type the route reads. Each route
 * family words its own refusal (problem details, or OAuth's invalid_request).
 */
import type { IncomingMessage } from 'node:http';

/** `application/json` and its `+json` relatives. */
export const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
export const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

type WithHeaders = Pick<IncomingMessage, 'headers'>;

export function hasBody(request: WithHeaders): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export const carriesBodyOtherThan = (request: WithHeaders, mediaType: RegExp): boolean =>
  hasBody(request) && !mediaType.test(request.headers['content-type'] ?? '');
