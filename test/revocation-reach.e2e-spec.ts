/**
 * Issue 15 §4, performed as an attacker would against the running service:
 * a stolen token, a leaked secret, a narrowed credential, a token carried
 * away from its allowed addresses, and a stream holder who has lost access.
 * Each attack must fail, and introspection, /v1, gRPC and the revocation
 * stream must agree about it.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { ClientReadableStream } from '@grpc/grpc-js';
import { grpcClient, type GrpcKeyringClient, readUntil, refusalOf } from './support/grpc-clients';
import {
  type AdminClient,
  adminClient,
  accessTokenFor,
  basicAuthorization,
  type ClientCredentials,
  createClient,
  requestToken,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const OFFICE = '203.0.113.9';
const ELSEWHERE = '198.51.100.7';

interface Revocation {
  position: number;
  clientId: string;
  revoked: 'token' | 'credential';
  token: { jti: string; reason: string } | null;
}

interface StreamEnd {
  code: number;
  at: number;
}

const jtiOf = (accessToken: string): string =>
  (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { jti: string }).jti;

describe('revocation reaches everything', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let grpc: GrpcKeyringClient;

  beforeAll(async () => {
    // The proxy is believed, so a test can speak from any address through X-Forwarded-For.
    keyring = await startKeyring({ LOG_LEVEL: 'warn', TRUST_PROXY: 'loopback' });
    admin = await adminClient(keyring, ['*']);
    grpc = grpcClient(keyring.grpcAddress);
  });
  afterAll(async () => {
    grpc.close();
    await keyring.destroy();
  });

  const v1 = (path: string, init: RequestInit & { from?: string } = {}) => {
    const { from, ...rest } = init;
    const headers = { authorization: admin.authorization, ...(from ? { 'x-forwarded-for': from } : {}) };
    return fetch(`${keyring.baseUrl}/v1${path}`, {
      ...rest,
      headers: { ...headers, ...(rest.headers as Record<string, string> | undefined) },
    });
  };
  const client = (overrides: Record<string, unknown> = {}) =>
    createClient(keyring, admin.authorization, overrides);
  const tokenWithScope = async (credentials: ClientCredentials, scope?: string): Promise<string> => {
    const response = await requestToken(keyring.baseUrl, credentials, scope ? { scope } : {});
    const body = (await response.json()) as { access_token: string };
    expect(response.status).toBe(200);
    return body.access_token;
  };
  const introspect = async (token: string): Promise<{ active: boolean; scope?: string }> => {
    const response = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(admin),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token }).toString(),
    });
    return (await response.json()) as { active: boolean; scope?: string };
  };
  const revocationsOf = async (clientId: string, count: number): Promise<Revocation[]> => {
    const stream = grpc.stream('TokenService', 'WatchRevocations', { afterPosition: 0 }, admin.authorization);
    const mine = (received: Revocation[]) =>
      received.filter((revocation) => revocation.clientId === clientId);
    try {
      return mine(await readUntil<Revocation>(stream, (received) => mine(received).length >= count));
    } finally {
      stream.cancel();
    }
  };

  describe('a stolen token is revoked on its own, by its jti', () => {
    it('stops working on /v1 and in introspection at once, and the stream and audit trail say so', async () => {
      const victim = await client({ roles: ['keyring:admin'], accounts: ['*'] });
      const stolen = await accessTokenFor(keyring.baseUrl, victim);
      const kept = await accessTokenFor(keyring.baseUrl, victim);
      const asThief = () =>
        fetch(`${keyring.baseUrl}/v1/credentials`, { headers: { authorization: `Bearer ${stolen}` } });
      expect((await asThief()).status).toBe(200);

      const revoke = () =>
        v1(`/credentials/${victim.clientId}/tokens/${jtiOf(stolen)}`, { method: 'DELETE' });
      expect((await revoke()).status).toBe(204);

      expect(await introspect(stolen)).toEqual({ active: false });
      expect((await asThief()).status).toBe(401);
      // The owner's other token is untouched.
      expect(await introspect(kept)).toMatchObject({ active: true });
      // Already revoked: nothing to do, still 204.
      expect((await revoke()).status).toBe(204);

      const [revocation] = await revocationsOf(victim.clientId, 1);
      expect(revocation).toMatchObject({
        revoked: 'token',
        token: { jti: jtiOf(stolen), reason: 'requested' },
      });
      const audit = await v1(`/audit?clientId=${victim.clientId}&action=token.revoked`);
      const { items } = (await audit.json()) as { items: { details: Record<string, unknown> }[] };
      expect(items.map((entry) => entry.details)).toEqual([{ jti: jtiOf(stolen), reason: 'requested' }]);
    });

    it('answers 404 for a jti the credential never issued, or one that is no jti at all', async () => {
      const owner = await client();
      await accessTokenFor(keyring.baseUrl, owner);
      expect(
        (await v1(`/credentials/${owner.clientId}/tokens/${randomUUID()}`, { method: 'DELETE' })).status,
      ).toBe(404);
      expect((await v1(`/credentials/${owner.clientId}/tokens/not-a-jti`, { method: 'DELETE' })).status).toBe(
        404,
      );
    });

    it('answers 204 for a token revoked long ago, after it has left the credential’s state', async () => {
      const owner = await client();
      const jtis: string[] = [];
      // The state keeps only the ten most recent revocations: the eleventh pushes the first out.
      for (let round = 0; round < 11; round++) {
        const jti = jtiOf(await accessTokenFor(keyring.baseUrl, owner));
        jtis.push(jti);
        const revoked = await v1(`/credentials/${owner.clientId}/tokens/${jti}`, { method: 'DELETE' });
        expect(revoked.status).toBe(204);
      }
      const again = await v1(`/credentials/${owner.clientId}/tokens/${jtis[0]}`, { method: 'DELETE' });
      expect(again.status).toBe(204);
      expect(
        (await v1(`/credentials/${owner.clientId}/tokens/${randomUUID()}`, { method: 'DELETE' })).status,
      ).toBe(404);
    });

    it('is out of reach of an administrator of other accounts, who learns nothing', async () => {
      const owner = await client({ accounts: ['6600002'] });
      const token = await accessTokenFor(keyring.baseUrl, owner);
      const scoped = await client({ roles: ['keyring:admin'], accounts: ['6600001'] });
      const scopedBearer = `Bearer ${await accessTokenFor(keyring.baseUrl, scoped)}`;
      const response = await fetch(
        `${keyring.baseUrl}/v1/credentials/${owner.clientId}/tokens/${jtiOf(token)}`,
        {
          method: 'DELETE',
          headers: { authorization: scopedBearer },
        },
      );
      expect(response.status).toBe(404);
      expect(await introspect(token)).toMatchObject({ active: true });
    });

    it('has a gRPC twin, RevokeCredentialToken', async () => {
      const owner = await client();
      const token = await accessTokenFor(keyring.baseUrl, owner);
      const revoke = (jti: string) =>
        grpc.call(
          'CredentialService',
          'RevokeCredentialToken',
          { clientId: owner.clientId, jti },
          admin.authorization,
        );
      await expect(revoke(jtiOf(token))).resolves.toEqual({});
      expect(await introspect(token)).toEqual({ active: false });
      await expect(revoke(jtiOf(token))).resolves.toEqual({});
      expect((await refusalOf(revoke(randomUUID()))).code).toBe(status.NOT_FOUND);
    });
  });

  describe('deleting a leaked secret with revokeTokens revokes the tokens issued with it', () => {
    const secondSecret = async (
      owner: ClientCredentials,
    ): Promise<ClientCredentials & { secretId: string }> => {
      const response = await v1(`/credentials/${owner.clientId}/secrets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const body = (await response.json()) as { secretId: string; clientSecret: string };
      expect(response.status).toBe(201);
      return { clientId: owner.clientId, clientSecret: body.clientSecret, secretId: body.secretId };
    };
    const firstSecretId = async (clientId: string): Promise<string> => {
      const view = (await (await v1(`/credentials/${clientId}`)).json()) as {
        secrets: { secretId: string; createdAt: string }[];
      };
      return [...view.secrets].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0].secretId;
    };

    it('over REST: the leaked secret’s tokens stop, the other secret’s keep working', async () => {
      const owner = await client();
      const leakedId = await firstSecretId(owner.clientId);
      const leakedTokens = [
        await accessTokenFor(keyring.baseUrl, owner),
        await accessTokenFor(keyring.baseUrl, owner),
      ];
      const rotated = await secondSecret(owner);
      const fresh = await accessTokenFor(keyring.baseUrl, rotated);

      const response = await v1(`/credentials/${owner.clientId}/secrets/${leakedId}?revokeTokens=true`, {
        method: 'DELETE',
      });
      expect(response.status).toBe(204);
      for (const token of leakedTokens) expect(await introspect(token)).toEqual({ active: false });
      expect(await introspect(fresh)).toMatchObject({ active: true });

      const revocations = await revocationsOf(owner.clientId, 2);
      expect(revocations.map((revocation) => revocation.token)).toEqual(
        leakedTokens.map((token) => ({ jti: jtiOf(token), reason: 'secret-deleted' })),
      );
      // The deletion and the revocations are one append: one request id, consecutive positions.
      const history = (await (await v1(`/credentials/${owner.clientId}/history`)).json()) as {
        items: { action: string; requestId: string }[];
      };
      const deletion = history.items.filter((entry) =>
        ['secret.deleted', 'token.revoked'].includes(entry.action),
      );
      expect(new Set(deletion.map((entry) => entry.requestId)).size).toBe(1);
    });

    it('without it, routine rotation leaves tokens already issued to run out, as before', async () => {
      const owner = await client();
      const oldId = await firstSecretId(owner.clientId);
      const token = await accessTokenFor(keyring.baseUrl, owner);
      await secondSecret(owner);
      expect((await v1(`/credentials/${owner.clientId}/secrets/${oldId}`, { method: 'DELETE' })).status).toBe(
        204,
      );
      expect(await introspect(token)).toMatchObject({ active: true });
    });

    it('refuses a revokeTokens that is not true or false', async () => {
      const owner = await client();
      const secretId = await firstSecretId(owner.clientId);
      const response = await v1(`/credentials/${owner.clientId}/secrets/${secretId}?revokeTokens=yes`, {
        method: 'DELETE',
      });
      expect(response.status).toBe(400);
    });

    it('over gRPC, with revoke_tokens', async () => {
      const owner = await client();
      const leakedId = await firstSecretId(owner.clientId);
      const token = await accessTokenFor(keyring.baseUrl, owner);
      await secondSecret(owner);
      await grpc.call(
        'CredentialService',
        'DeleteSecret',
        { clientId: owner.clientId, secretId: leakedId, revokeTokens: true },
        admin.authorization,
      );
      expect(await introspect(token)).toEqual({ active: false });
    });
  });

  describe('narrowing a credential revokes the tokens that carry what it lost', () => {
    it('a token whose scope holds a removed api goes; one without it stays', async () => {
      const owner = await client({ apis: ['invoices:read', 'payments:read'] });
      const wide = await tokenWithScope(owner);
      const narrow = await tokenWithScope(owner, 'invoices:read');
      const response = await v1(`/credentials/${owner.clientId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apis: ['invoices:read'] }),
      });
      expect(response.status).toBe(200);
      expect(await introspect(wide)).toEqual({ active: false });
      expect(await introspect(narrow)).toMatchObject({ active: true, scope: 'invoices:read' });
      const [revocation] = await revocationsOf(owner.clientId, 1);
      expect(revocation.token).toEqual({ jti: jtiOf(wide), reason: 'credential-narrowed' });
    });

    it('an administrator’s token loses /v1 when an account is taken from its credential', async () => {
      const operator = await client({ roles: ['keyring:admin'], accounts: ['6600001', '6600002'] });
      const token = await accessTokenFor(keyring.baseUrl, operator);
      const asOperator = () =>
        fetch(`${keyring.baseUrl}/v1/credentials`, { headers: { authorization: `Bearer ${token}` } });
      expect((await asOperator()).status).toBe(200);
      await v1(`/credentials/${operator.clientId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ accounts: ['6600001'] }),
      });
      expect(await introspect(token)).toEqual({ active: false });
      expect((await asOperator()).status).toBe(401);
    });
  });

  describe('a bearer token used from outside its credential’s allowedIps', () => {
    let officeToken: string;

    beforeAll(async () => {
      const office = await client({
        roles: ['keyring:admin'],
        accounts: ['*'],
        allowedIps: ['203.0.113.0/24'],
      });
      const response = await fetch(`${keyring.baseUrl}/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(office),
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': OFFICE,
        },
        body: 'grant_type=client_credentials',
      });
      officeToken = ((await response.json()) as { access_token: string }).access_token;
    });

    const fromAddress = (address: string) =>
      fetch(`${keyring.baseUrl}/v1/credentials`, {
        headers: { authorization: `Bearer ${officeToken}`, 'x-forwarded-for': address },
      });

    it('is refused on /v1, as the token endpoint refuses it, and accepted from the office', async () => {
      const refused = await fromAddress(ELSEWHERE);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'IP_NOT_ALLOWED' });
      expect((await fromAddress(OFFICE)).status).toBe(200);
    });

    it('is refused over gRPC', async () => {
      const call = (address: string) =>
        grpc.call('CredentialService', 'List', {}, `Bearer ${officeToken}`, { 'x-forwarded-for': address });
      const refusal = await refusalOf(call(ELSEWHERE));
      expect(refusal).toMatchObject({
        code: status.PERMISSION_DENIED,
        details: { reason: 'IP_NOT_ALLOWED' },
      });
      await expect(call(OFFICE)).resolves.toMatchObject({ items: expect.any(Array) });
    });
  });

  describe('a stream holder who loses access is cut off within 5 s and receives nothing after', () => {
    /** Opens a stream, recording every message with its arrival and how the stream ended. */
    function watch(stream: ClientReadableStream<Record<string, unknown>>) {
      const received: { position: number; at: number }[] = [];
      stream.on('data', (message: { position: number }) =>
        received.push({ position: message.position, at: performance.now() }),
      );
      const ended = new Promise<StreamEnd>((resolve) =>
        stream.on('status', (end: { code: number }) => resolve({ code: end.code, at: performance.now() })),
      );
      return { received, ended };
    }

    const withinFiveSeconds = (ended: Promise<StreamEnd>) =>
      Promise.race([
        ended,
        new Promise<StreamEnd>((_, reject) =>
          setTimeout(() => reject(new Error('The stream still ran 5 s after access ended')), 5000),
        ),
      ]);

    const positionOf = async (clientId: string, action: string): Promise<number> => {
      const response = await v1(`/audit?clientId=${clientId}&action=${action}&limit=1`);
      const { items } = (await response.json()) as { items: { position: number }[] };
      return items[0].position;
    };

    const someActivity = async () => {
      const other = await client();
      await v1(`/credentials/${other.clientId}`, { method: 'DELETE' });
    };

    it.each([
      ['StreamAudit', 'AuditService', ['keyring:admin']],
      ['WatchRevocations', 'TokenService', ['keyring:introspect']],
    ] as const)(
      '%s ends UNAUTHENTICATED when the holder’s credential is revoked',
      async (method, service, roles) => {
        const holder = await client({ roles: [...roles], accounts: ['*'] });
        const bearer = `Bearer ${await accessTokenFor(keyring.baseUrl, holder)}`;
        const stream = grpc.stream(service, method, { afterPosition: 0 }, bearer);
        const { received, ended } = watch(stream);
        try {
          await someActivity();
          await new Promise((resolve) => setTimeout(resolve, 300));
          const revokedAt = performance.now();
          expect((await v1(`/credentials/${holder.clientId}`, { method: 'DELETE' })).status).toBe(204);
          const end = await withinFiveSeconds(ended);
          expect(end.code).toBe(status.UNAUTHENTICATED);
          expect(end.at - revokedAt).toBeLessThan(5000);

          // Nothing at or after the revocation reached the holder, then or later.
          const revocation = await positionOf(holder.clientId, 'credential.revoked');
          expect(received.filter((message) => message.position >= revocation)).toEqual([]);
          const count = received.length;
          await someActivity();
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(received).toHaveLength(count);
        } finally {
          stream.cancel();
        }
      },
    );

    it('StreamAudit ends when the holder’s own token is revoked by its jti', async () => {
      const holder = await client({ roles: ['keyring:admin'], accounts: ['*'] });
      const token = await accessTokenFor(keyring.baseUrl, holder);
      const stream = grpc.stream('AuditService', 'StreamAudit', { afterPosition: 0 }, `Bearer ${token}`);
      const { received, ended } = watch(stream);
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await v1(`/credentials/${holder.clientId}/tokens/${jtiOf(token)}`, { method: 'DELETE' });
        expect((await withinFiveSeconds(ended)).code).toBe(status.UNAUTHENTICATED);
        const revocation = await positionOf(holder.clientId, 'token.revoked');
        expect(received.filter((message) => message.position >= revocation)).toEqual([]);
      } finally {
        stream.cancel();
      }
    });

    it('StreamAudit ends when the holder’s role is taken away', async () => {
      const holder = await client({ roles: ['keyring:admin', 'billing:read'], accounts: ['*'] });
      const stream = grpc.stream(
        'AuditService',
        'StreamAudit',
        { afterPosition: 0 },
        `Bearer ${await accessTokenFor(keyring.baseUrl, holder)}`,
      );
      const { ended } = watch(stream);
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await v1(`/credentials/${holder.clientId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ roles: ['billing:read'] }),
        });
        expect([status.UNAUTHENTICATED, status.PERMISSION_DENIED]).toContain(
          (await withinFiveSeconds(ended)).code,
        );
      } finally {
        stream.cancel();
      }
    });

    it('a holder whose access still stands keeps its stream', async () => {
      const holder = await client({ roles: ['keyring:introspect'], accounts: ['*'] });
      const stream = grpc.stream(
        'TokenService',
        'WatchRevocations',
        { afterPosition: 0 },
        `Bearer ${await accessTokenFor(keyring.baseUrl, holder)}`,
      );
      try {
        const other = await client();
        await v1(`/credentials/${other.clientId}`, { method: 'DELETE' });
        const seen = await readUntil<Revocation>(stream, (received) =>
          received.some((revocation) => revocation.clientId === other.clientId),
        );
        expect(seen.length).toBeGreaterThan(0);
      } finally {
        stream.cancel();
      }
    });
  });

  it('a refused stream is refused before anything is sent', async () => {
    const holder = await client({ roles: ['keyring:admin'], accounts: ['*'] });
    const token = await accessTokenFor(keyring.baseUrl, holder);
    await v1(`/credentials/${holder.clientId}`, { method: 'DELETE' });
    const stream = grpc.stream('AuditService', 'StreamAudit', { afterPosition: 0 }, `Bearer ${token}`);
    expect((await refusalOf(readUntil(stream, () => false))).code).toBe(status.UNAUTHENTICATED);
  });
});
