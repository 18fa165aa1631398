/**
 * The read side over HTTP against the running service: credential lists
 * with filters and keyset pages, live tokens, a credential's history, the
 * audit trail and point-in-time access, each bounded by the caller's
 * accounts, and read-your-writes after every management command.
 */
import request from 'supertest';
import { validCredential } from './support/credential-bodies';
import {
  type AdminClient,
  adminClient,
  accessTokenFor,
  basicAuthorization,
  requestToken,
} from './support/oauth-clients';
import { eventually } from './support/eventually';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}
interface CredentialItem {
  clientId: string;
  name: string;
  accounts: string[];
  status: string;
  environment: string;
  lastUsedAt: string | null;
  secrets: { secretId: string; status: string; lastUsedAt: string | null }[];
}
interface AuditItem {
  position: number;
  action: string;
  clientId: string;
  accounts: string[];
  actor: { type: string; id: string | null };
  onBehalfOf: string | null;
  outcome: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

describe('the read side', () => {
  let keyring: RunningKeyring;
  let root: AdminClient;
  const api = () => request(keyring.baseUrl);

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    root = await adminClient(keyring, ['*']);
  });
  afterAll(() => keyring.destroy());

  const create = async (overrides: Record<string, unknown> = {}, admin: AdminClient = root) => {
    const response = await api()
      .post('/v1/credentials')
      .set('Authorization', admin.authorization)
      .set('X-On-Behalf-Of', 'ops@example.com')
      .send(validCredential({ allowedIps: [], ...overrides }))
      .expect(201);
    return {
      clientId: response.body.credential.clientId as string,
      clientSecret: response.body.secret.clientSecret as string,
      secretId: response.body.secret.secretId as string,
    };
  };

  const scopedAdmin = async (accounts: string[]): Promise<AdminClient> => {
    const credentials = await create({ accounts, roles: ['keyring:admin'] });
    const accessToken = await accessTokenFor(keyring.baseUrl, credentials);
    return { ...credentials, accessToken, authorization: `Bearer ${accessToken}` };
  };

  const list = async (query: Record<string, string | number>, admin: AdminClient = root) =>
    (await api().get('/v1/credentials').query(query).set('Authorization', admin.authorization).expect(200))
      .body as Page<CredentialItem>;

  const audit = async (query: Record<string, string | number>, admin: AdminClient = root) =>
    (await api().get('/v1/audit').query(query).set('Authorization', admin.authorization).expect(200))
      .body as Page<AuditItem>;

  describe('listing credentials', () => {
    it('filters by account, status and environment, newest first', async () => {
      const account = `list-${Date.now()}`;
      const staging = await create({ accounts: [account], environment: 'staging', name: 'first' });
      const production = await create({ accounts: [account, 'other'], name: 'second' });
      const revoked = await create({ accounts: [account], name: 'third' });
      await api()
        .delete(`/v1/credentials/${revoked.clientId}`)
        .set('Authorization', root.authorization)
        .expect(204);

      const all = await list({ account });
      expect(all.items.map((item) => item.name)).toEqual(['third', 'second', 'first']);
      expect(all.nextCursor).toBeNull();
      expect((await list({ account, status: 'revoked' })).items.map((item) => item.clientId)).toEqual([
        revoked.clientId,
      ]);
      expect(
        (await list({ account, status: 'active', environment: 'staging' })).items.map((i) => i.clientId),
      ).toEqual([staging.clientId]);
      expect((await list({ account, environment: 'production', status: 'active' })).items[0].clientId).toBe(
        production.clientId,
      );
    });

    it('finds credentials with an active secret expiring within N days', async () => {
      const account = `expiring-${Date.now()}`;
      const soon = await create({ accounts: [account], secretExpiresInDays: 5 });
      await create({ accounts: [account], secretExpiresInDays: 60 });

      expect((await list({ account, expiringWithinDays: 7 })).items.map((item) => item.clientId)).toEqual([
        soon.clientId,
      ]);
      expect((await list({ account, expiringWithinDays: 90 })).items).toHaveLength(2);
    });

    it('pages without duplicates or gaps while new credentials arrive', async () => {
      const account = `paging-${Date.now()}`;
      const existing: string[] = [];
      for (let index = 0; index < 7; index++)
        existing.unshift((await create({ accounts: [account] })).clientId);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<CredentialItem> = await list({ account, limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((item) => item.clientId));
        cursor = page.nextCursor;
        await create({ accounts: [account] }); // arrives between pages, at the top
      } while (cursor);

      expect(seen).toEqual(existing);
    });

    it.each([
      ['limit=0', { limit: 0 }, 'limit'],
      ['limit=201', { limit: 201 }, 'limit'],
      ['an unknown status', { status: 'deleted' }, 'status'],
      ['an unknown parameter', { colour: 'red' }, 'colour'],
      ['a cursor it did not make', { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
      ['a bad account', { account: 'a b' }, 'account'],
    ])('refuses %s with a 400 naming the parameter', async (_case, query, field) => {
      const response = await api()
        .get('/v1/credentials')
        .query(query)
        .set('Authorization', root.authorization);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('read-your-writes', () => {
    it('shows each change in the very next read', async () => {
      const account = `ryw-${Date.now()}`;
      for (let round = 0; round < 10; round++) {
        const { clientId } = await create({ accounts: [account], name: `round-${round}` });
        expect((await list({ account, limit: 1 })).items[0].clientId).toBe(clientId);
        await api()
          .patch(`/v1/credentials/${clientId}`)
          .set('Authorization', root.authorization)
          .send({ name: `renamed-${round}` })
          .expect(200);
        expect((await list({ account, limit: 1 })).items[0].name).toBe(`renamed-${round}`);
      }
    });
  });

  describe("a credential's tokens and history", () => {
    it('lists the live tokens, with when, what scope and from where', async () => {
      const client = await create({ accounts: ['tokens'], apis: ['invoices:read', 'payments:read'] });
      await accessTokenFor(keyring.baseUrl, client);
      const second = (await (
        await requestToken(keyring.baseUrl, client, { scope: 'invoices:read' })
      ).json()) as {
        access_token: string;
      };
      await fetch(`${keyring.baseUrl}/oauth2/revoke`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(client),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token: second.access_token }).toString(),
      });

      const tokens = await eventually(async () => {
        const response = await api()
          .get(`/v1/credentials/${client.clientId}/tokens`)
          .set('Authorization', root.authorization)
          .expect(200);
        expect(response.body.items).toHaveLength(1);
        return response.body.items;
      });
      expect(tokens[0]).toEqual({
        jti: expect.any(String),
        issuedAt: expect.any(String),
        expiresAt: expect.any(String),
        scope: 'invoices:read payments:read',
        sourceIp: '127.0.0.1',
      });
      const view = await eventually(async () => {
        const response = await api()
          .get(`/v1/credentials/${client.clientId}`)
          .set('Authorization', root.authorization);
        expect(response.body.lastUsedAt).not.toBeNull();
        return response.body as CredentialItem;
      });
      expect(view.secrets[0].lastUsedAt).toBe(view.lastUsedAt);
    });

    it('tells the secret lineage: generated and deleted by whom, and used when', async () => {
      const client = await create({ accounts: ['lineage'] });
      await accessTokenFor(keyring.baseUrl, client);
      const generated = await api()
        .post(`/v1/credentials/${client.clientId}/secrets`)
        .set('Authorization', root.authorization)
        .send({})
        .expect(201);
      await api()
        .delete(`/v1/credentials/${client.clientId}/secrets/${client.secretId}`)
        .set('Authorization', root.authorization)
        .set('X-On-Behalf-Of', 'ops@example.com')
        .expect(204);

      const history = (
        await api()
          .get(`/v1/credentials/${client.clientId}/history`)
          .set('Authorization', root.authorization)
          .expect(200)
      ).body as Page<AuditItem>;

      expect(history.items.map((item) => item.action)).toEqual([
        'secret.deleted',
        'secret.generated',
        'token.issued',
        'secret.generated',
        'credential.created',
      ]);
      const [deleted, second, used] = history.items;
      expect(deleted).toMatchObject({
        details: { secretId: client.secretId },
        actor: { type: 'client', id: root.clientId },
        onBehalfOf: 'ops@example.com',
      });
      expect(second.details).toMatchObject({ secretId: generated.body.secretId });
      expect(used).toMatchObject({
        actor: { type: 'client', id: client.clientId },
        details: { secretId: client.secretId },
      });
      expect(JSON.stringify(history)).not.toContain(client.clientSecret);
      expect(JSON.stringify(history)).not.toContain(generated.body.clientSecret);
    });
  });

  describe('the audit trail', () => {
    it('filters by client, actor, action and time, and shows refused token requests as denied', async () => {
      const started = new Date().toISOString();
      const client = await create({ accounts: ['audited'] });
      const refused = await requestToken(keyring.baseUrl, { ...client, clientSecret: 'kr_sec_wrong' });
      expect(refused.status).toBe(401);

      const denied = await eventually(async () => {
        const page = await audit({ clientId: client.clientId, action: 'token.refused' });
        expect(page.items).toHaveLength(1);
        return page.items[0];
      });
      expect(denied).toMatchObject({ outcome: 'denied', details: { reason: 'INVALID_CLIENT_SECRET' } });

      const byRoot = await audit({ actor: root.clientId, from: started, action: 'credential.created' });
      expect(byRoot.items.map((item) => item.clientId)).toContain(client.clientId);
      expect(byRoot.items.every((item) => item.actor.id === root.clientId)).toBe(true);
      expect((await audit({ clientId: client.clientId, to: started })).items).toEqual([]);
    });

    it("pages a credential's entries without duplicates or gaps while new ones arrive", async () => {
      const client = await create({ accounts: ['audit-paging'] });
      for (let index = 0; index < 5; index++) {
        await api()
          .patch(`/v1/credentials/${client.clientId}`)
          .set('Authorization', root.authorization)
          .send({ description: `change ${index}` })
          .expect(200);
      }
      const existing = (await audit({ clientId: client.clientId, limit: 200 })).items.map(
        (item) => item.position,
      );

      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<AuditItem> = await audit({
          clientId: client.clientId,
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((item) => item.position));
        cursor = page.nextCursor;
        await api()
          .patch(`/v1/credentials/${client.clientId}`)
          .set('Authorization', root.authorization)
          .send({ description: `arrived at ${seen.length}` })
          .expect(200);
      } while (cursor);

      expect(seen).toEqual(existing);
    });

    it('verifies the chain it has stored', async () => {
      const response = await api()
        .get('/v1/audit/verify')
        .set('Authorization', root.authorization)
        .expect(200);
      expect(response.body).toMatchObject({ ok: true, checked: expect.any(Number) });
      expect(response.body.head.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(response.body.firstBad).toBeUndefined();
    });

    it.each([
      ['an unknown action', { action: 'credential.exploded' }, 'action'],
      ['a date that is not ISO-8601', { from: 'yesterday' }, 'from'],
      ['a client id that is not a UUID', { clientId: 'abc' }, 'clientId'],
    ])('refuses %s with a 400 naming the parameter', async (_case, query, field) => {
      const response = await api()
        .get('/v1/audit')
        .query(query)
        .set('Authorization', root.authorization)
        .expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('point-in-time access', () => {
    it('answers from the events up to T: a credential revoked after T is listed, one revoked before is not', async () => {
      const account = `pit-${Date.now()}`;
      const kept = await create({ accounts: [account], name: 'kept' });
      const revokedLater = await create({ accounts: [account], name: 'revoked later' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const at = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await api()
        .delete(`/v1/credentials/${revokedLater.clientId}`)
        .set('Authorization', root.authorization)
        .expect(204);

      // The root admin acts on every account ("*"), so it could reach this one too.
      const access = async (instant: string) =>
        (
          await api()
            .get('/v1/access')
            .query({ account, at: instant })
            .set('Authorization', root.authorization)
            .expect(200)
        ).body as {
          credentials: { clientId: string; accounts: string[]; secrets: { secretId: string }[] }[];
        };
      const forAccount = async (instant: string) =>
        (await access(instant)).credentials.filter((credential) => credential.accounts.includes(account));

      expect((await access(at)).credentials.map((credential) => credential.clientId)).toEqual(
        expect.arrayContaining([root.clientId]),
      );
      expect((await forAccount(at)).map((credential) => credential.clientId)).toEqual([
        kept.clientId,
        revokedLater.clientId,
      ]);
      expect((await forAccount(at))[0].secrets.map((secret) => secret.secretId)).toEqual([kept.secretId]);
      expect((await forAccount(new Date().toISOString())).map((c) => c.clientId)).toEqual([kept.clientId]);
      expect((await access('2000-01-01T00:00:00Z')).credentials).toEqual([]);
    });
  });

  describe('account scoping on every query', () => {
    it('shows an admin of one account only what lies wholly within it', async () => {
      const mine = `mine-${Date.now()}`;
      const theirs = `theirs-${Date.now()}`;
      const admin = await scopedAdmin([mine]);
      const own = await create({ accounts: [mine] });
      const foreign = await create({ accounts: [theirs] });
      const shared = await create({ accounts: [mine, theirs] });

      const listed = (await list({}, admin)).items.map((item) => item.clientId);
      expect(listed).toEqual(expect.arrayContaining([own.clientId, admin.clientId]));
      expect(listed).not.toContain(foreign.clientId);
      expect(listed).not.toContain(shared.clientId);
      expect((await list({ account: theirs }, admin)).items).toEqual([]);

      for (const path of ['', '/tokens', '/history']) {
        const response = await api()
          .get(`/v1/credentials/${foreign.clientId}${path}`)
          .set('Authorization', admin.authorization);
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('CREDENTIAL_NOT_FOUND');
      }

      const entries = (await audit({ limit: 200 }, admin)).items;
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((entry) => entry.accounts.every((account) => account === mine))).toBe(true);
      expect((await audit({ clientId: foreign.clientId }, admin)).items).toEqual([]);
      const byAccount = (await audit({ account: theirs, limit: 200 })).items;
      expect(byAccount.map((entry) => entry.clientId)).toEqual(
        expect.arrayContaining([foreign.clientId, shared.clientId]),
      );
      expect(byAccount.every((entry) => entry.accounts.includes(theirs))).toBe(true);
      expect((await audit({ account: theirs }, admin)).items).toEqual([]);

      const access = await api()
        .get('/v1/access')
        .query({ account: theirs, at: new Date().toISOString() })
        .set('Authorization', admin.authorization);
      expect(access.status).toBe(403);
      expect(access.body.code).toBe('ACCOUNT_OUT_OF_REACH');
      const ownAccess = await api()
        .get('/v1/access')
        .query({ account: mine, at: new Date().toISOString() })
        .set('Authorization', admin.authorization)
        .expect(200);
      expect(ownAccess.body.credentials.map((c: { clientId: string }) => c.clientId)).toEqual(
        expect.arrayContaining([own.clientId, admin.clientId]),
      );
      expect(ownAccess.body.credentials.map((c: { clientId: string }) => c.clientId)).not.toContain(
        shared.clientId,
      );
    });
  });
});
