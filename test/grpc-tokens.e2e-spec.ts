/**
 * credentials.v1.TokenService against the running application: the token
 * grant with the same rules as POST /oauth2/token, introspection,
 * revocation, and the revocation stream — live within 100 ms of a REST
 * revocation, and resumable without a miss or a repeat.
 */
import { status } from '@grpc/grpc-js';
import { grpcClient, type GrpcKeyringClient, readUntil, refusalOf } from './support/grpc-clients';
import {
  type AdminClient,
  adminClient,
  accessTokenFor,
  type ClientCredentials,
  createClient,
  requestToken,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

interface IssuedToken {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  scope: string;
}

interface Revocation {
  position: number;
  occurredAt: string;
  clientId: string;
  revoked: 'token' | 'credential';
  token: { jti: string } | null;
  credential: { reason: string } | null;
}

const jtiOf = (accessToken: string): string =>
  (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { jti: string }).jti;

describe('gRPC TokenService', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let grpc: GrpcKeyringClient;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    admin = await adminClient(keyring, ['*']);
    grpc = grpcClient(keyring.grpcAddress);
  });
  afterAll(async () => {
    grpc.close();
    await keyring.destroy();
  });

  const client = (overrides: Record<string, unknown> = {}) =>
    createClient(keyring, admin.authorization, overrides);
  const issue = (credentials: ClientCredentials, scope = '') =>
    grpc.call<IssuedToken>('TokenService', 'IssueToken', { ...credentials, scope });
  const introspect = (token: string, authorization = admin.authorization) =>
    grpc.call<Record<string, unknown>>('TokenService', 'Introspect', { token }, authorization);
  const revokeOverRest = (clientId: string) =>
    fetch(`${keyring.baseUrl}/v1/credentials/${clientId}`, {
      method: 'DELETE',
      headers: { authorization: admin.authorization },
    });

  describe('IssueToken', () => {
    it('issues a token the REST edge accepts, with every allowed scope by default', async () => {
      const credentials = await client({ roles: ['keyring:admin'], accounts: ['*'] });
      const token = await issue(credentials);
      expect(token).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 3600,
        scope: 'invoices:read payments:read',
      });
      const response = await fetch(`${keyring.baseUrl}/v1/credentials/${credentials.clientId}`, {
        headers: { authorization: `Bearer ${token.accessToken}` },
      });
      expect(response.status).toBe(200);
    });

    it('grants a requested subset of scopes, and refuses one not allowed as INVALID_ARGUMENT', async () => {
      const credentials = await client();
      await expect(issue(credentials, 'payments:read')).resolves.toMatchObject({ scope: 'payments:read' });
      const refusal = await refusalOf(issue(credentials, 'admin:everything'));
      expect(refusal).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(refusal.details?.reason).toBe('INVALID_SCOPE');
      expect(refusal.details?.violations?.[0].field).toBe('scope');
    });

    it('answers UNAUTHENTICATED alike for a wrong secret, an unknown client, a missing id and a disallowed address', async () => {
      const credentials = await client();
      const fenced = await client({ allowedIps: ['10.0.0.0/8'] });
      const attempts = [
        { ...credentials, clientSecret: 'kr_sec_wrong' },
        { clientId: '7c4f2a10-0000-4000-8000-000000000000', clientSecret: credentials.clientSecret },
        { clientId: '', clientSecret: credentials.clientSecret },
        fenced,
      ];
      for (const attempt of attempts) {
        const refusal = await refusalOf(issue(attempt));
        expect(refusal).toMatchObject({
          code: status.UNAUTHENTICATED,
          message: 'Client authentication failed',
        });
        expect(refusal.details?.reason).toBe('INVALID_CLIENT');
        // The caller learns nothing about which part was wrong, and never sees a secret echoed.
        expect(JSON.stringify(refusal)).not.toContain(credentials.clientSecret);
      }
      await revokeOverRest(credentials.clientId);
      expect((await refusalOf(issue(credentials))).code).toBe(status.UNAUTHENTICATED);
    });

    it('answers RESOURCE_EXHAUSTED with a retry delay for the eleventh active token, as REST answers 429', async () => {
      const credentials = await client();
      for (let i = 0; i < 10; i += 1) await issue(credentials);
      const refusal = await refusalOf(issue(credentials));
      expect(refusal).toMatchObject({ code: status.RESOURCE_EXHAUSTED });
      expect(refusal.details?.reason).toBe('TOKEN_LIMIT_REACHED');
      expect(refusal.details?.retryAfterSeconds).toBeGreaterThan(0);
      const rest = await requestToken(keyring.baseUrl, credentials);
      expect(rest.status).toBe(429);
      expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('Introspect', () => {
    it('describes an active token, and anything else as inactive', async () => {
      const credentials = await client();
      const { accessToken } = await issue(credentials, 'invoices:read');
      await expect(introspect(accessToken)).resolves.toMatchObject({
        active: true,
        clientId: credentials.clientId,
        sub: credentials.clientId,
        scope: 'invoices:read',
        tokenType: 'Bearer',
        accounts: ['9900001'],
        roles: ['billing:read'],
        jti: jtiOf(accessToken),
      });
      await expect(introspect('not-a-token')).resolves.toMatchObject({ active: false, clientId: '' });
    });

    it('answers the REST introspection endpoint’s answer for the same token', async () => {
      const credentials = await client();
      const { accessToken } = await issue(credentials);
      const introspector = await client({ roles: ['keyring:introspect'] });
      const rest = (await (
        await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${introspector.clientId}:${introspector.clientSecret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ token: accessToken }).toString(),
        })
      ).json()) as Record<string, unknown>;
      const viaGrpc = await introspect(
        accessToken,
        `Bearer ${await accessTokenFor(keyring.baseUrl, introspector)}`,
      );
      const { client_id: clientId, token_type: tokenType, ...claims } = rest;
      expect(viaGrpc).toEqual({ ...claims, clientId, tokenType });
    });

    it('needs the introspect or admin role, and a token to look at', async () => {
      const plain = await client();
      const refusal = await refusalOf(
        introspect('anything', `Bearer ${await accessTokenFor(keyring.baseUrl, plain)}`),
      );
      expect(refusal.code).toBe(status.PERMISSION_DENIED);
      const missing = await refusalOf(introspect(''));
      expect(missing.code).toBe(status.INVALID_ARGUMENT);
      expect(missing.details?.violations).toEqual([{ field: 'token', message: 'token is required' }]);
    });
  });

  describe('RevokeToken', () => {
    it('revokes a token at once; unknown tokens and tokens out of reach change nothing and are no error', async () => {
      const credentials = await client();
      const first = await issue(credentials);
      const second = await issue(credentials);
      await expect(
        grpc.call('TokenService', 'RevokeToken', { token: first.accessToken }, admin.authorization),
      ).resolves.toEqual({});
      await expect(introspect(first.accessToken)).resolves.toMatchObject({ active: false });
      await expect(
        grpc.call('TokenService', 'RevokeToken', { token: 'not-a-token' }, admin.authorization),
      ).resolves.toEqual({});

      const scoped = await client({ roles: ['keyring:admin'], accounts: ['5500001'] });
      const scopedBearer = `Bearer ${await accessTokenFor(keyring.baseUrl, scoped)}`;
      await expect(
        grpc.call('TokenService', 'RevokeToken', { token: second.accessToken }, scopedBearer),
      ).resolves.toEqual({});
      await expect(introspect(second.accessToken)).resolves.toMatchObject({ active: true });
    });
  });

  describe('WatchRevocations', () => {
    it('tells a subscriber of a credential revoked over REST within 100 ms', async () => {
      const credentials = await client();
      const stream = grpc.stream(
        'TokenService',
        'WatchRevocations',
        { afterPosition: 0 },
        admin.authorization,
      );
      try {
        const arrivals: { revocation: Revocation; at: number }[] = [];
        stream.on('data', (revocation: Revocation) => arrivals.push({ revocation, at: performance.now() }));
        // Let the replay of earlier revocations finish, so what follows is live.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const response = await revokeOverRest(credentials.clientId);
        const answeredAt = performance.now();
        expect(response.status).toBe(204);
        const deadline = Date.now() + 2000;
        let arrival = arrivals.find((candidate) => candidate.revocation.clientId === credentials.clientId);
        while (!arrival && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          arrival = arrivals.find((candidate) => candidate.revocation.clientId === credentials.clientId);
        }
        expect(arrival?.revocation).toMatchObject({
          revoked: 'credential',
          credential: { reason: expect.any(String) },
        });
        expect(arrival!.at - answeredAt).toBeLessThan(100);
      } finally {
        stream.cancel();
      }
    });

    it('resumes after a reconnect from the last position received, missing and repeating nothing', async () => {
      const credentials = await client();
      const tokens = await Promise.all(Array.from({ length: 6 }, () => issue(credentials)));
      const revoke = (token: IssuedToken) =>
        grpc.call('TokenService', 'RevokeToken', { token: token.accessToken }, admin.authorization);
      for (const token of tokens.slice(0, 3)) await revoke(token);

      const mine = (revocations: Revocation[]) =>
        revocations.filter((revocation) => revocation.clientId === credentials.clientId);
      const first = grpc.stream(
        'TokenService',
        'WatchRevocations',
        { afterPosition: 0 },
        admin.authorization,
      );
      const before = await readUntil<Revocation>(first, (received) => mine(received).length >= 2);
      first.cancel();
      const lastSeen = before[before.length - 1].position;

      // While disconnected: more revocations, of tokens and then of the credential itself.
      for (const token of tokens.slice(3)) await revoke(token);
      await revokeOverRest(credentials.clientId);

      const resumed = grpc.stream(
        'TokenService',
        'WatchRevocations',
        { afterPosition: lastSeen },
        admin.authorization,
      );
      const after = await readUntil<Revocation>(resumed, (received) =>
        received.some(
          (revocation) => revocation.revoked === 'credential' && revocation.clientId === credentials.clientId,
        ),
      );
      resumed.cancel();

      const everything = grpc.stream(
        'TokenService',
        'WatchRevocations',
        { afterPosition: 0 },
        admin.authorization,
      );
      const whole = await readUntil<Revocation>(everything, (received) =>
        received.some(
          (revocation) => revocation.revoked === 'credential' && revocation.clientId === credentials.clientId,
        ),
      );
      everything.cancel();

      const joined = [...before, ...after];
      expect(joined.map((revocation) => revocation.position)).toEqual(
        whole.map((revocation) => revocation.position),
      );
      expect(joined).toEqual(whole);
      const positions = whole.map((revocation) => revocation.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
      expect(mine(whole).map((revocation) => revocation.token?.jti ?? 'credential')).toEqual([
        ...tokens.map((token) => jtiOf(token.accessToken)),
        'credential',
      ]);
    });

    it('shows a scoped administrator only the revocations within its accounts', async () => {
      const scoped = await client({ roles: ['keyring:admin'], accounts: ['6600001'] });
      const scopedBearer = `Bearer ${await accessTokenFor(keyring.baseUrl, scoped)}`;
      const inside = await client({ accounts: ['6600001'] });
      const outside = await client({ accounts: ['6600002'] });
      await revokeOverRest(outside.clientId);
      await revokeOverRest(inside.clientId);
      const stream = grpc.stream('TokenService', 'WatchRevocations', { afterPosition: 0 }, scopedBearer);
      const seen = await readUntil<Revocation>(stream, (received) =>
        received.some((revocation) => revocation.clientId === inside.clientId),
      );
      stream.cancel();
      expect(seen.map((revocation) => revocation.clientId)).not.toContain(outside.clientId);
    });

    it('serves a resource server holding only the introspect role', async () => {
      const resourceServer = await client({ roles: ['keyring:introspect'], accounts: ['*'] });
      const bearer = `Bearer ${await accessTokenFor(keyring.baseUrl, resourceServer)}`;
      const revoked = await client();
      await revokeOverRest(revoked.clientId);
      const stream = grpc.stream('TokenService', 'WatchRevocations', { afterPosition: 0 }, bearer);
      const seen = await readUntil<Revocation>(stream, (received) =>
        received.some((revocation) => revocation.clientId === revoked.clientId),
      );
      stream.cancel();
      expect(seen.find((revocation) => revocation.clientId === revoked.clientId)?.revoked).toBe('credential');

      const plain = await client();
      const refused = grpc.stream(
        'TokenService',
        'WatchRevocations',
        { afterPosition: 0 },
        `Bearer ${await accessTokenFor(keyring.baseUrl, plain)}`,
      );
      expect((await refusalOf(readUntil(refused, () => false))).code).toBe(status.PERMISSION_DENIED);
    });

    it('refuses a subscriber without a token', async () => {
      const stream = grpc.stream('TokenService', 'WatchRevocations', { afterPosition: 0 });
      const refusal = await refusalOf(readUntil(stream, () => false));
      expect(refusal.code).toBe(status.UNAUTHENTICATED);
    });
  });

  describe('shutdown', () => {
    it('ends open streams when the service stops, instead of waiting for them', async () => {
      const other = await startKeyring({ LOG_LEVEL: 'warn' });
      const otherAdmin = await adminClient(other, ['*']);
      const client = grpcClient(other.grpcAddress);
      try {
        const stream = client.stream(
          'TokenService',
          'WatchRevocations',
          { afterPosition: 0 },
          otherAdmin.authorization,
        );
        const ended = new Promise<number>((resolve) =>
          stream.on('status', (status: { code: number }) => resolve(status.code)),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        const started = performance.now();
        await other.stop();
        expect(performance.now() - started).toBeLessThan(5000);
        expect(await ended).not.toBe(status.OK);
      } finally {
        client.close();
        await other.destroy();
      }
    });
  });
});
