/**
 * Signing in: the client_credentials grant with client_secret_basic, then one management call to learn
 * whether the credential may use the console (the API's own answer, e.g. 403 without the admin role).
 * The secret is used for the token request only and kept nowhere.
 */
import { api, unwrap } from '../../../lib/api-client';
import { readClaims } from '../../../lib/jwt';
import { startSession } from '../../../lib/session';

export interface SignInInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly actorName: string;
}

const basic = (clientId: string, clientSecret: string): string =>
  `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`)}`;

export async function signIn({ clientId, clientSecret, actorName }: SignInInput): Promise<void> {
  const token = await unwrap(
    api.POST('/oauth2/token', {
      body: { grant_type: 'client_credentials' },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      // Without credentials, a 401 (with its WWW-Authenticate: Basic) comes back to the page instead of
      // making the browser open its own password prompt.
      credentials: 'omit',
      headers: {
        Authorization: basic(clientId, clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    }),
  );
  await unwrap(
    api.GET('/v1/credentials', {
      params: { query: { limit: 1 } },
      headers: { Authorization: `Bearer ${token.access_token}`, 'X-On-Behalf-Of': actorName },
    }),
  );
  const claims = readClaims(token.access_token);
  startSession({
    accessToken: token.access_token,
    expiresAt: Date.now() + token.expires_in * 1000,
    clientId,
    actorName,
    accounts: claims.accounts ?? [],
    roles: claims.roles ?? [],
  });
}
