/**
 * `POST /oauth2/token` over real HTTP: the client_credentials grant with
 * both client authentication methods, RFC 9068 tokens checked against the
 * service's own JWKS, every error path answering RFC 6749 errors without
 * changing anything, refusals on the audit record, and the ten-token limit
 * under a burst of concurrent requests.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { credentialStreamName } from '@keyring/domain';
import type { RecordedEvent } from '@keyring/event-store';
import {
  type AdminClient,
  adminClient,
  basicAuthorization,
  type ClientCredentials,
  createClient as createClientWith,
  requestToken,
} from './support/oauth-clients';
import { eventually } from './support/eventually';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const FORM = 'application/x-www-form-urlencoded';

describe('POST /oauth2/token', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;

  beforeAll(async () => {
    keyring = await startKeyring({ TOKEN_AUDIENCE: 'https://api.example.test' });
    admin = await adminClient(keyring);
  });
  afterAll(() => keyring.destroy());

  const createClient = (overrides: Record<string, unknown> = {}) =>
    createClientWith(keyring, admin.authorization, overrides);

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${keyring.baseUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': FORM, ...headers },
      body,
    });

  const eventsOf = (clientId: string): Promise<RecordedEvent[]> =>
    keyring.store.readStream(credentialStreamName(clientId));

  /** The events appended after `position`, once there are `count` of them: refusals are recorded after the answer. */
  const recordedAfter = (clientId: string, position: number, count: number): Promise<RecordedEvent[]> =>
    eventually(async () => {
      const recorded = (await eventsOf(clientId)).filter((event) => event.position > position);
      expect(recorded).toHaveLength(count);
      return recorded;
    });

  /** A refused request answers an RFC 6749 error, is never cached, and appends nothing. */
  const refused = async (send: () => Promise<Response>, status: number, error: string) => {
    const before = await keyring.store.headPosition();
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe(error);
    expect(typeof body.error_description).toBe('string');
    expect(await keyring.store.headPosition()).toBe(before);
    return { response, body };
  };

  describe('issues a token', () => {
    it('to a client authenticating with client_secret_basic, verifiable with the JWKS', async () => {
      const client = await createClient();
      const response = await requestToken(keyring.baseUrl, client);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('pragma')).toBe('no-cache');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'invoices:read payments:read',
      });

      const jwks = createRemoteJWKSet(new URL(`${keyring.baseUrl}/.well-known/jwks.json`));
      const { payload, protectedHeader } = await jwtVerify(body.access_token as string, jwks, {
        issuer: keyring.baseUrl,
        audience: 'https://api.example.test',
        typ: 'at+jwt',
      });
      expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'at+jwt', kid: expect.any(String) });
      expect(payload).toEqual({
        iss: keyring.baseUrl,
        sub: client.clientId,
        client_id: client.clientId,
        aud: 'https://api.example.test',
        iat: expect.any(Number),
        exp: expect.any(Number),
        jti: expect.any(String),
        scope: 'invoices:read payments:read',
        accounts: ['9900001'],
        roles: ['billing:read'],
      });
      expect(payload.exp! - payload.iat!).toBe(3600);
    });

    it('records TokenIssued before answering', async () => {
      const client = await createClient();
      const response = await requestToken(keyring.baseUrl, client);
      const { access_token: token } = (await response.json()) as { access_token: string };
      const { payload } = await jwtVerify(
        token,
        createRemoteJWKSet(new URL(`${keyring.baseUrl}/.well-known/jwks.json`)),
      );
      const issued = (await eventsOf(client.clientId)).filter((event) => event.type === 'TokenIssued');
      expect(issued).toHaveLength(1);
      const data = issued[0].data as { issuedAt: string; expiresAt: string };
      // JWT times are whole seconds of the recorded moments.
      expect(Math.floor(Date.parse(data.issuedAt) / 1000)).toBe(payload.iat);
      expect(Math.floor(Date.parse(data.expiresAt) / 1000)).toBe(payload.exp);
      expect(issued[0].data).toMatchObject({
        jti: payload.jti,
        scope: ['invoices:read', 'payments:read'],
        sourceIp: '127.0.0.1',
      });
      expect(issued[0].metadata).toMatchObject({ actor: { type: 'client', id: client.clientId } });
    });

    it('to a client authenticating with client_secret_post', async () => {
      const client = await createClient();
      const response = await post(
        new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }).toString(),
      );
      expect(response.status).toBe(200);
    });

    it('with a requested subset of the granted scopes', async () => {
      const client = await createClient();
      const response = await requestToken(keyring.baseUrl, client, { scope: 'payments:read' });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ scope: 'payments:read' });
    });

    it('accepts the client id repeated in the body next to Basic authentication', async () => {
      const client = await createClient();
      const response = await post(`grant_type=client_credentials&client_id=${client.clientId}`, {
        authorization: basicAuthorization(client),
      });
      expect(response.status).toBe(200);
    });
  });

  describe('refuses client authentication with one invalid_client answer, whatever the reason', () => {
    const expectInvalidClient = async (send: () => Promise<Response>) => {
      const { response, body } = await refused(send, 401, 'invalid_client');
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="keyring"');
      expect(body.error_description).toBe('Client authentication failed');
    };

    it('for an unknown client, logging the attempt but recording nothing', async () => {
      const unknown = { clientId: '00000000-0000-4000-8000-000000000000', clientSecret: 'kr_sec_nope' };
      await expectInvalidClient(() => requestToken(keyring.baseUrl, unknown));
      expect(keyring.logs.some((line) => line.includes('Token request for an unknown client'))).toBe(true);
      await expectInvalidClient(() =>
        requestToken(keyring.baseUrl, { clientId: 'not-a-uuid', clientSecret: 'x' }),
      );
    });

    it.each([
      ['a wrong secret', 'INVALID_CLIENT_SECRET'],
      ['a deleted secret', 'INVALID_CLIENT_SECRET'],
      ['a revoked credential', 'CREDENTIAL_REVOKED'],
      ['an address outside allowedIps', 'IP_NOT_ALLOWED'],
    ])('for %s, recording the real reason as TokenRequestRefused', async (reason, code) => {
      const client = await createClient(
        reason === 'an address outside allowedIps' ? { allowedIps: ['10.0.0.0/8'] } : {},
      );
      const manage = (method: string, path: string) =>
        fetch(`${keyring.baseUrl}/v1/credentials/${client.clientId}${path}`, {
          method,
          headers: { authorization: admin.authorization },
        });
      let presented = client;
      if (reason === 'a wrong secret') presented = { ...client, clientSecret: `${client.clientSecret}x` };
      if (reason === 'a deleted secret') {
        const [secret] = ((await (await manage('GET', '')).json()) as { secrets: { secretId: string }[] })
          .secrets;
        expect((await manage('DELETE', `/secrets/${secret.secretId}`)).status).toBe(204);
      }
      if (reason === 'a revoked credential') expect((await manage('DELETE', '')).status).toBe(204);

      const before = await keyring.store.headPosition();
      const response = await requestToken(keyring.baseUrl, presented);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="keyring"');
      expect(await response.json()).toEqual({
        error: 'invalid_client',
        error_description: 'Client authentication failed',
      });
      // Recorded right after the answer, which never waits for it.
      const recorded = await recordedAfter(client.clientId, before, 1);
      expect(recorded.map((event) => event.type)).toEqual(['TokenRequestRefused']);
      expect(recorded[0].data).toMatchObject({ reason: code, sourceIp: '127.0.0.1' });
      expect(JSON.stringify(recorded[0])).not.toContain(presented.clientSecret);
    });

    it('for Basic credentials whose id and secret are not form-urlencoded consistently', async () => {
      const client = await createClient();
      const raw = Buffer.from(`${client.clientId}:%E0%A4%A`).toString('base64');
      await expectInvalidClient(() =>
        post('grant_type=client_credentials', { authorization: `Basic ${raw}` }),
      );
      await expectInvalidClient(() => post('grant_type=client_credentials', { authorization: 'Basic !!!' }));
      await expectInvalidClient(() => post('grant_type=client_credentials', { authorization: 'Bearer abc' }));
    });

    it('when no client authentication is sent at all', async () => {
      await expectInvalidClient(() => post('grant_type=client_credentials'));
    });
  });

  describe('decodes Basic credentials per RFC 6749 §2.3.1', () => {
    it('treats ":" and non-ASCII inside a form-urlencoded secret as part of the secret', async () => {
      const client = await createClient();
      // The real secret never contains these, so the request must fail as a wrong secret — and be
      // decoded as exactly that: the whole secret, colon and all, not a secret cut at the ":".
      const tricky = { clientId: client.clientId, clientSecret: `${client.clientSecret}:ünïcødé` };
      const before = await keyring.store.headPosition();
      const response = await requestToken(keyring.baseUrl, tricky);
      expect(response.status).toBe(401);
      const [refusal] = await recordedAfter(client.clientId, before, 1);
      expect(refusal.data).toMatchObject({ reason: 'INVALID_CLIENT_SECRET' });

      // The same encoding of the real secret authenticates.
      expect((await requestToken(keyring.baseUrl, client)).status).toBe(200);
    });

    it('decodes "+" as a space and percent-escapes in the client id', async () => {
      const client = await createClient();
      const encodedId = client.clientId.replace(/-/g, '%2D');
      const header = `Basic ${Buffer.from(`${encodedId}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
      expect((await post('grant_type=client_credentials', { authorization: header })).status).toBe(200);
    });
  });

  describe('refuses malformed requests with invalid_request and changes nothing', () => {
    let client: ClientCredentials;
    beforeAll(async () => {
      client = await createClient();
    });

    it('when the grant type is missing', async () => {
      await refused(() => post('', { authorization: basicAuthorization(client) }), 400, 'invalid_request');
    });

    it('when a parameter is repeated', async () => {
      await refused(
        () =>
          post('grant_type=client_credentials&grant_type=client_credentials', {
            authorization: basicAuthorization(client),
          }),
        400,
        'invalid_request',
      );
      await refused(
        () =>
          post('grant_type=client_credentials&scope=a&scope=b', {
            authorization: basicAuthorization(client),
          }),
        400,
        'invalid_request',
      );
    });

    it('when the client authenticates with both Basic and the body', async () => {
      await refused(
        () =>
          post(
            new URLSearchParams({
              grant_type: 'client_credentials',
              client_id: client.clientId,
              client_secret: client.clientSecret,
            }).toString(),
            { authorization: basicAuthorization(client) },
          ),
        400,
        'invalid_request',
      );
    });

    it('when the body is not form-encoded', async () => {
      await refused(
        () =>
          fetch(`${keyring.baseUrl}/oauth2/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: basicAuthorization(client) },
            body: JSON.stringify({ grant_type: 'client_credentials' }),
          }),
        400,
        'invalid_request',
      );
    });

    it('when the body is too large', async () => {
      await refused(
        () =>
          post(`grant_type=client_credentials&pad=${'x'.repeat(70_000)}`, {
            authorization: basicAuthorization(client),
          }),
        413,
        'invalid_request',
      );
    });

    it('with unsupported_grant_type for any grant but client_credentials', async () => {
      await refused(
        () =>
          post('grant_type=password&username=a&password=b', { authorization: basicAuthorization(client) }),
        400,
        'unsupported_grant_type',
      );
    });
  });

  describe('refuses scopes the credential was not granted', () => {
    it('with invalid_scope, recorded as a refusal', async () => {
      const client = await createClient();
      const before = await keyring.store.headPosition();
      const response = await requestToken(keyring.baseUrl, client, {
        scope: 'invoices:read admin:everything',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_scope' });
      const recorded = await recordedAfter(client.clientId, before, 1);
      expect(recorded.map((event) => [event.type, (event.data as { reason: string }).reason])).toEqual([
        ['TokenRequestRefused', 'INVALID_SCOPE'],
      ]);
    });

    it('with invalid_scope for a malformed scope, before anything is recorded', async () => {
      const client = await createClient();
      await refused(
        () => requestToken(keyring.baseUrl, client, { scope: 'bad"scope' }),
        400,
        'invalid_scope',
      );
    });
  });

  describe('at most ten active tokens per credential', () => {
    it('answers 50 simultaneous requests with exactly 10 tokens and 40 × 429', async () => {
      const client = await createClient();
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => requestToken(keyring.baseUrl, client)),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40);

      const limited = responses.find((response) => response.status === 429)!;
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(await limited.json()).toMatchObject({ error: 'token_limit_reached' });

      const events = await eventually(async () => {
        const all = await eventsOf(client.clientId);
        expect(all.filter((event) => event.type === 'TokenRequestRefused')).toHaveLength(5);
        return all;
      });
      expect(events.filter((event) => event.type === 'TokenIssued')).toHaveLength(10);
      // The first five refusals from one address in a window are recorded one by one; the other 35 are
      // counted in one record written when the window ends (token-flood.e2e-spec.ts follows that through).
      const refusals = events.filter((event) => event.type === 'TokenRequestRefused');
      expect(
        refusals.every((event) => (event.data as { reason: string }).reason === 'TOKEN_LIMIT_REACHED'),
      ).toBe(true);

      const kids = await Promise.all(
        responses
          .filter((response) => response.status === 200)
          .map(
            async (response) =>
              decodeProtectedHeader(((await response.json()) as { access_token: string }).access_token).kid,
          ),
      );
      expect(new Set(kids).size).toBe(1);
    });
  });
});
