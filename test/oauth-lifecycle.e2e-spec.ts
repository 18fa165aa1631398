/**
 * A token's whole life through a real OAuth client library (oauth4webapi):
 * discovery (RFC 8414), the client_credentials grant, offline verification
 * against the JWKS with jose, introspection (RFC 7662) and revocation
 * (RFC 7009) — of one token and of the whole credential.
 */
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';
import {
  type AdminClient,
  adminClient,
  basicAuthorization,
  type ClientCredentials,
  createClient as createClientWith,
  requestToken,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const insecure = { [oauth.allowInsecureRequests]: true };

describe('OAuth 2.0 token lifecycle with oauth4webapi', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let as: oauth.AuthorizationServer;
  let introspector: ClientCredentials;

  const createClient = (overrides: Record<string, unknown> = {}) =>
    createClientWith(keyring, admin.authorization, overrides);

  const grant = async (client: ClientCredentials, scope?: string) => {
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      { client_id: client.clientId },
      oauth.ClientSecretBasic(client.clientSecret),
      scope ? { scope } : {},
      insecure,
    );
    return oauth.processClientCredentialsResponse(as, { client_id: client.clientId }, response);
  };

  const introspect = async (token: string, caller: ClientCredentials = introspector) => {
    const response = await oauth.introspectionRequest(
      as,
      { client_id: caller.clientId },
      oauth.ClientSecretPost(caller.clientSecret),
      token,
      insecure,
    );
    return oauth.processIntrospectionResponse(as, { client_id: caller.clientId }, response);
  };

  const revoke = async (client: ClientCredentials, token: string) => {
    const response = await oauth.revocationRequest(
      as,
      { client_id: client.clientId },
      oauth.ClientSecretBasic(client.clientSecret),
      token,
      insecure,
    );
    await oauth.processRevocationResponse(response);
  };

  beforeAll(async () => {
    keyring = await startKeyring();
    admin = await adminClient(keyring);
    const issuer = new URL(keyring.baseUrl);
    as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
    );
    introspector = await createClient({ roles: ['keyring:introspect'], apis: [] });
  });
  afterAll(() => keyring.destroy());

  it('publishes RFC 8414 metadata naming every endpoint', async () => {
    expect(as).toMatchObject({
      issuer: keyring.baseUrl,
      token_endpoint: `${keyring.baseUrl}/oauth2/token`,
      introspection_endpoint: `${keyring.baseUrl}/oauth2/introspect`,
      revocation_endpoint: `${keyring.baseUrl}/oauth2/revoke`,
      jwks_uri: `${keyring.baseUrl}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
  });

  it('publishes no scopes_supported without an API catalogue, whatever credentials were granted', async () => {
    await createClient({ apis: ['reports:export'] });
    const response = await fetch(`${keyring.baseUrl}/.well-known/oauth-authorization-server`);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).not.toHaveProperty('scopes_supported');
  });

  it('publishes only public keys, cacheably', async () => {
    const response = await fetch(`${keyring.baseUrl}/.well-known/jwks.json`);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) {
      expect(key).toMatchObject({ kid: expect.any(String), use: 'sig', alg: 'ES256' });
      for (const privateMember of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
        expect(key).not.toHaveProperty(privateMember);
    }
  });

  it('grants a token the library accepts and jose verifies against the remote JWKS', async () => {
    const client = await createClient();
    const result = await grant(client, 'invoices:read');
    expect(result).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'invoices:read' });
    const { payload } = await jwtVerify(result.access_token, createRemoteJWKSet(new URL(as.jwks_uri!)), {
      issuer: as.issuer,
      audience: keyring.baseUrl,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ client_id: client.clientId, scope: 'invoices:read' });
  });

  it('introspects an active token with everything a resource server needs', async () => {
    const client = await createClient();
    const { access_token: token } = await grant(client);
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(as.jwks_uri!)));
    expect(await introspect(token)).toEqual({
      active: true,
      client_id: client.clientId,
      sub: client.clientId,
      scope: 'invoices:read payments:read',
      exp: payload.exp,
      iat: payload.iat,
      jti: payload.jti,
      iss: keyring.baseUrl,
      aud: keyring.baseUrl,
      token_type: 'Bearer',
      accounts: ['9900001'],
      roles: ['billing:read'],
    });
  });

  it('lets an admin credential introspect too', async () => {
    const { access_token: token } = await grant(await createClient());
    expect(await introspect(token, admin)).toMatchObject({ active: true });
  });

  it('answers active: false for malformed, unknown and foreign-signed tokens', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ client_id: admin.clientId, scope: '', accounts: ['*'], roles: [] })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: (await exportJWK(publicKey)).x })
      .setIssuer(keyring.baseUrl)
      .setAudience(keyring.baseUrl)
      .setSubject(admin.clientId)
      .setJti('00000000-0000-4000-8000-000000000000')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    for (const token of ['not-a-jwt', 'a.b.c', foreign, 'x'.repeat(10_000)]) {
      expect(await introspect(token)).toEqual({ active: false });
    }
  });

  it('refuses introspection to a client without the introspect or admin role', async () => {
    const plain = await createClient();
    const { access_token: token } = await grant(plain);
    const response = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(plain),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('refuses introspection to an unauthenticated caller, and requires the token parameter', async () => {
    const anonymous = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=abc',
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="keyring"');
    const missing = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(introspector),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('revokes one token: only it becomes inactive', async () => {
    const client = await createClient();
    const first = (await grant(client)).access_token;
    const second = (await grant(client)).access_token;
    await revoke(client, first);
    expect(await introspect(first)).toEqual({ active: false });
    expect(await introspect(second)).toMatchObject({ active: true });
    // Revoking again, or revoking garbage, is still a success (RFC 7009 §2.2).
    await revoke(client, first);
    await revoke(client, 'not-a-token');
  });

  it("leaves another client's token alone", async () => {
    const owner = await createClient();
    const other = await createClient();
    const token = (await grant(owner)).access_token;
    await revoke(other, token);
    expect(await introspect(token)).toMatchObject({ active: true });
  });

  it('revoking a credential makes all its tokens inactive at once, and refuses new ones', async () => {
    const client = await createClient();
    const tokens = [(await grant(client)).access_token, (await grant(client)).access_token];
    const response = await fetch(`${keyring.baseUrl}/v1/credentials/${client.clientId}`, {
      method: 'DELETE',
      headers: { authorization: admin.authorization },
    });
    expect(response.status).toBe(204);
    for (const token of tokens) expect(await introspect(token)).toEqual({ active: false });
    const refused = await requestToken(keyring.baseUrl, client);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
  });
});
