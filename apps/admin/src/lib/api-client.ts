/**
 * The one typed client of Keyring's public API, generated from its OpenAPI document: every /v1 call
 * carries the session's bearer token and the person's name (X-On-Behalf-Of); a 401 ends the session
 * so the console asks to sign in again.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { apiErrorOf } from './api-error';
import { currentSession, endSession } from './session';

const management: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (!new URL(request.url).pathname.startsWith('/v1/') || !session) return request;
    request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    request.headers.set('X-On-Behalf-Of', session.actorName);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && new URL(request.url).pathname.startsWith('/v1/')) endSession('expired');
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(management);

/** The data of a call, or its refusal thrown as an ApiError (for TanStack Query). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiErrorOf(response, error);
  return data as NonNullable<T>;
}

/** For calls answered 204: throws the refusal, returns nothing. */
export async function expectNoContent(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw apiErrorOf(response, error);
}
