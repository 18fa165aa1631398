/** Getting access tokens in end-to-end tests: the bootstrap admin and a plain client_credentials grant. */
import { AdminBootstrapper } from '../../apps/keyring/src/credentials/bootstrap/admin-bootstrapper';
import { validCredential } from './credential-bodies';
import type { RunningKeyring } from './running-keyring';

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface AdminClient extends ClientCredentials {
  readonly accessToken: string;
  /** `Authorization` header value for the management API. */
  readonly authorization: string;
}

/** RFC 6749 §2.3.1: both parts form-urlencoded, then joined and base64-encoded. */
export const basicAuthorization = ({ clientId, clientSecret }: ClientCredentials): string => {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
};

export async function requestToken(
  baseUrl: string,
  client: ClientCredentials,
  form: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: basicAuthorization(client),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...form }).toString(),
  });
}

export async function accessTokenFor(baseUrl: string, client: ClientCredentials): Promise<string> {
  const response = await requestToken(baseUrl, client);
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || !body.access_token) {
    throw new Error(`Token request failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

/** An admin credential made through the bootstrap command, with a fresh access token. */
export async function adminClient(
  keyring: RunningKeyring,
  accounts: readonly string[] = ['*'],
): Promise<AdminClient> {
  const admin = await keyring.app.get(AdminBootstrapper).bootstrap({ accounts, force: true });
  const accessToken = await accessTokenFor(keyring.baseUrl, admin);
  return { ...admin, accessToken, authorization: `Bearer ${accessToken}` };
}

/** A credential created through the management API (any source address allowed unless overridden). */
export async function createClient(
  keyring: RunningKeyring,
  authorization: string,
  overrides: Record<string, unknown> = {},
): Promise<ClientCredentials> {
  const response = await fetch(`${keyring.baseUrl}/v1/credentials`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(validCredential({ allowedIps: [], ...overrides })),
  });
  const body = (await response.json()) as {
    credential?: { clientId: string };
    secret?: { clientSecret: string };
  };
  if (response.status !== 201 || !body.credential || !body.secret) {
    throw new Error(`Creating a credential failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return { clientId: body.credential.clientId, clientSecret: body.secret.clientSecret };
}
