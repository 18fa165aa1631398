/**
 * The management REST contract, over real HTTP against the running
 * application on a real SQLite file: every endpoint's success path and
 * each error path, and that no error ever appends an event.
 */
import request from 'supertest';
import { CREDENTIAL_EVENT_SCHEMA_VERSION, credentialStreamName } from '@keyring/domain';
import { validCredential } from './support/credential-bodies';
import { type AdminClient, adminClient } from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('management REST API', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  const api = () => request.agent(keyring.baseUrl).set('Authorization', admin.authorization);

  beforeAll(async () => {
    keyring = await startKeyring();
    admin = await adminClient(keyring);
  });
  afterAll(() => keyring.destroy());

  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await api().post('/v1/credentials').send(validCredential(overrides)).expect(201);
    return response.body as {
      credential: { clientId: string; secrets: { secretId: string }[] };
      secret: { secretId: string; clientSecret: string };
    };
  };

  /** Runs a request that must fail and checks that the store did not change. */
  const refused = async (send: () => request.Test, status: number, code?: string) => {
    const before = await keyring.store.headPosition();
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, type: expect.stringMatching(/^urn:keyring:problem:/) });
    expect(typeof response.body.title).toBe('string');
    expect(typeof response.body.detail).toBe('string');
    if (code) expect(response.body.code).toBe(code);
    expect(await keyring.store.headPosition()).toBe(before);
    return response.body as { code: string; detail: string; errors?: { field: string; message: string }[] };
  };

  describe('POST /v1/credentials', () => {
    it('creates a credential and shows its first secret once', async () => {
      const response = await api().post('/v1/credentials').send(validCredential()).expect(201);
      const { credential, secret } = response.body;
      expect(credential).toMatchObject({
        clientId: expect.stringMatching(UUID),
        name: 'billing-service',
        description: 'Reads invoices for the billing dashboard',
        environment: 'production',
        accounts: ['9900001'],
        roles: ['billing:read'],
        apis: ['invoices:read', 'payments:read'],
        allowedIps: ['10.0.0.0/8', '2001:db8::1'],
        status: 'active',
        revokedAt: null,
        activeTokenCount: 0,
        revision: 1,
      });
      expect(credential.secrets).toEqual([
        {
          secretId: secret.secretId,
          hint: secret.hint,
          createdAt: secret.createdAt,
          expiresAt: secret.expiresAt,
          status: 'active',
          lastUsedAt: null,
        },
      ]);
      expect(secret.clientSecret).toMatch(/^kr_sec_[A-Za-z0-9_-]{43}$/);
      expect(secret.hint).toBe(`kr_sec_…${secret.clientSecret.slice(-4)}`);
      const lifetimeDays = (Date.parse(secret.expiresAt) - Date.parse(secret.createdAt)) / 86_400_000;
      expect(lifetimeDays).toBe(90);
      expect(JSON.stringify(credential)).not.toMatch(/secretHash|clientSecret/);
    });

    it('honours secretExpiresInDays and defaults description, apis and allowedIps', async () => {
      const body = validCredential({ secretExpiresInDays: 30 });
      delete (body as Record<string, unknown>).description;
      delete (body as Record<string, unknown>).apis;
      delete (body as Record<string, unknown>).allowedIps;
      const { credential, secret } = (await api().post('/v1/credentials').send(body).expect(201)).body;
      expect(credential).toMatchObject({ description: '', apis: [], allowedIps: [] });
      expect((Date.parse(secret.expiresAt) - Date.parse(secret.createdAt)) / 86_400_000).toBe(30);
    });

    it.each([
      ['a missing name', { name: undefined }, 'name'],
      ['an empty name', { name: '' }, 'name'],
      ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name'],
      ['a description over 500 characters', { description: 'd'.repeat(501) }, 'description'],
      ['an unknown environment', { environment: 'qa' }, 'environment'],
      ['no accounts', { accounts: [] }, 'accounts'],
      ['a malformed account', { accounts: ['acct 1'] }, 'accounts'],
      ['no roles', { roles: [] }, 'roles'],
      ['a malformed role', { roles: ['Admin'] }, 'roles'],
      ['a scope with a space', { apis: ['invoices read'] }, 'apis'],
      ['an address that is not an IP', { allowedIps: ['example.com'] }, 'allowedIps'],
      ['a secret lifetime over 365 days', { secretExpiresInDays: 366 }, 'secretExpiresInDays'],
      ['a fractional secret lifetime', { secretExpiresInDays: 1.5 }, 'secretExpiresInDays'],
      ['an unknown field', { owner: 'someone' }, 'owner'],
    ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
      const problem = await refused(
        () => api().post('/v1/credentials').send(validCredential(overrides)),
        400,
        'VALIDATION_FAILED',
      );
      expect(problem.errors?.map((error) => error.field)).toContain(field);
    });

    it('refuses a CIDR block with host bits set, suggesting the network', async () => {
      const problem = await refused(
        () =>
          api()
            .post('/v1/credentials')
            .send(validCredential({ allowedIps: ['10.0.0.1/8'] })),
        400,
        'VALIDATION_FAILED',
      );
      expect(JSON.stringify(problem.errors)).toContain('10.0.0.0/8');
    });

    it('answers malformed JSON with 400', async () => {
      await refused(
        () => api().post('/v1/credentials').set('Content-Type', 'application/json').send('{"name": '),
        400,
        'MALFORMED_BODY',
      );
    });

    it('answers a body that is not JSON with 415', async () => {
      await refused(
        () => api().post('/v1/credentials').set('Content-Type', 'text/plain').send('name=x'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('answers a body over 64 KiB with 413', async () => {
      const huge = validCredential({ description: 'x'.repeat(70 * 1024) });
      await refused(() => api().post('/v1/credentials').send(huge), 413, 'BODY_TOO_LARGE');
    });
  });

  describe('POST /v1/credentials/batch', () => {
    it('creates 1 to 10 credentials, each with its first secret', async () => {
      const credentials = Array.from({ length: 10 }, (_, index) =>
        validCredential({ name: `batch-${index}` }),
      );
      const { results } = (await api().post('/v1/credentials/batch').send({ credentials }).expect(201)).body;
      expect(results).toHaveLength(10);
      expect(results.map((result: { credential: { name: string } }) => result.credential.name)).toEqual(
        credentials.map((credential) => credential.name),
      );
      const ids = new Set(
        results.map((result: { credential: { clientId: string } }) => result.credential.clientId),
      );
      expect(ids.size).toBe(10);
      for (const { credential } of results) {
        await api().get(`/v1/credentials/${credential.clientId}`).expect(200);
      }
    });

    it('refuses the whole batch, naming each invalid item, and creates nothing', async () => {
      const credentials = [
        validCredential({ name: '' }),
        validCredential(),
        validCredential({ accounts: [], roles: ['Bad Role'] }),
      ];
      const problem = await refused(
        () => api().post('/v1/credentials/batch').send({ credentials }),
        400,
        'VALIDATION_FAILED',
      );
      const fields = problem.errors?.map((error) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining(['credentials[0].name', 'credentials[2].accounts', 'credentials[2].roles']),
      );
      expect(fields?.some((field) => field.startsWith('credentials[1]'))).toBe(false);
    });

    it('refuses a batch that the domain rejects as a whole, creating nothing', async () => {
      const credentials = [validCredential(), validCredential({ allowedIps: ['192.168.1.7/24'] })];
      const problem = await refused(
        () => api().post('/v1/credentials/batch').send({ credentials }),
        400,
        'VALIDATION_FAILED',
      );
      expect(problem.errors?.map((error) => error.field)).toEqual(['credentials[1].allowedIps[0]']);
    });

    it.each([
      ['empty', []],
      ['of eleven', Array.from({ length: 11 }, () => validCredential())],
    ])('refuses a batch %s', async (_case, credentials) => {
      await refused(
        () => api().post('/v1/credentials/batch').send({ credentials }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('GET /v1/credentials/:clientId', () => {
    it('shows the credential without any secret value or hash', async () => {
      const { credential, secret } = await create();
      const response = await api().get(`/v1/credentials/${credential.clientId}`).expect(200);
      expect(response.body).toEqual(credential);
      expect(JSON.stringify(response.body)).not.toContain(secret.clientSecret);
      expect(JSON.stringify(response.body)).not.toMatch(/[0-9a-f]{64}/);
    });

    it('answers an unknown or malformed client id with 404', async () => {
      await refused(
        () => api().get('/v1/credentials/7b0a0c9e-4f7e-4b1e-9b7a-2f3c4d5e6f70'),
        404,
        'CREDENTIAL_NOT_FOUND',
      );
      await refused(() => api().get('/v1/credentials/not-a-client-id'), 404, 'CREDENTIAL_NOT_FOUND');
    });

    it('answers an unknown route with a 404 problem', async () => {
      await refused(() => api().get('/v2/nothing'), 404, 'ROUTE_NOT_FOUND');
    });
  });

  describe('PATCH /v1/credentials/:clientId', () => {
    it('changes the given fields and keeps the rest', async () => {
      const { credential } = await create();
      const response = await api()
        .patch(`/v1/credentials/${credential.clientId}`)
        .send({ name: 'renamed', accounts: ['9900001', '9900002'], allowedIps: [] })
        .expect(200);
      expect(response.body).toMatchObject({
        name: 'renamed',
        accounts: ['9900001', '9900002'],
        allowedIps: [],
        roles: ['billing:read'],
        revision: 2,
      });
    });

    it('still requires at least one account and one role', async () => {
      const { credential } = await create();
      await refused(() => api().patch(`/v1/credentials/${credential.clientId}`).send({ accounts: [] }), 400);
      await refused(() => api().patch(`/v1/credentials/${credential.clientId}`).send({ roles: [] }), 400);
    });

    it('answers an unknown credential with 404', async () => {
      await refused(
        () => api().patch('/v1/credentials/7b0a0c9e-4f7e-4b1e-9b7a-2f3c4d5e6f70').send({ name: 'x' }),
        404,
        'CREDENTIAL_NOT_FOUND',
      );
    });
  });

  describe('secrets', () => {
    it('generates a second secret with its own lifetime, and refuses a third with 409', async () => {
      const { credential } = await create();
      const second = await api()
        .post(`/v1/credentials/${credential.clientId}/secrets`)
        .send({ expiresInDays: 7 })
        .expect(201);
      expect(second.body).toMatchObject({
        secretId: expect.stringMatching(UUID),
        clientSecret: expect.stringMatching(/^kr_sec_/),
        hint: expect.stringMatching(/^kr_sec_…/),
      });
      expect((Date.parse(second.body.expiresAt) - Date.parse(second.body.createdAt)) / 86_400_000).toBe(7);
      const problem = await refused(
        () => api().post(`/v1/credentials/${credential.clientId}/secrets`),
        409,
        'SECRET_LIMIT_REACHED',
      );
      expect(problem.detail).toMatch(/delete/i);
    });

    it('deletes a secret for good, which frees a slot', async () => {
      const { credential, secret } = await create();
      await api().post(`/v1/credentials/${credential.clientId}/secrets`).expect(201);
      await api().delete(`/v1/credentials/${credential.clientId}/secrets/${secret.secretId}`).expect(204);
      const view = (await api().get(`/v1/credentials/${credential.clientId}`).expect(200)).body;
      expect(view.secrets.find((s: { secretId: string }) => s.secretId === secret.secretId).status).toBe(
        'deleted',
      );
      await api().post(`/v1/credentials/${credential.clientId}/secrets`).expect(201);
      await refused(
        () => api().delete(`/v1/credentials/${credential.clientId}/secrets/${secret.secretId}`),
        409,
        'SECRET_ALREADY_DELETED',
      );
    });

    it('answers an unknown secret with 404', async () => {
      const { credential } = await create();
      await refused(
        () =>
          api().delete(`/v1/credentials/${credential.clientId}/secrets/7b0a0c9e-4f7e-4b1e-9b7a-2f3c4d5e6f70`),
        404,
        'SECRET_NOT_FOUND',
      );
    });

    it('refuses an invalid secret lifetime', async () => {
      const { credential } = await create();
      await refused(
        () => api().post(`/v1/credentials/${credential.clientId}/secrets`).send({ expiresInDays: 0 }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('lets exactly one of 20 concurrent requests add the second secret', async () => {
      const { credential } = await create();
      const before = await keyring.store.headPosition();
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => api().post(`/v1/credentials/${credential.clientId}/secrets`)),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(response.body.code).toBe('SECRET_LIMIT_REACHED');
      }
      const view = (await api().get(`/v1/credentials/${credential.clientId}`).expect(200)).body;
      expect(view.secrets.filter((s: { status: string }) => s.status === 'active')).toHaveLength(2);
      expect(await keyring.store.headPosition()).toBe(before + 1);
    });
  });

  describe('DELETE /v1/credentials/:clientId (revoke)', () => {
    it('revokes the credential for good: every later command is refused with 409', async () => {
      const { credential, secret } = await create();
      await api().delete(`/v1/credentials/${credential.clientId}`).expect(204);
      const view = (await api().get(`/v1/credentials/${credential.clientId}`).expect(200)).body;
      expect(view).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
      const id = credential.clientId;
      await refused(
        () => api().patch(`/v1/credentials/${id}`).send({ name: 'x' }),
        409,
        'CREDENTIAL_REVOKED',
      );
      await refused(() => api().post(`/v1/credentials/${id}/secrets`), 409, 'CREDENTIAL_REVOKED');
      await refused(
        () => api().delete(`/v1/credentials/${id}/secrets/${secret.secretId}`),
        409,
        'CREDENTIAL_REVOKED',
      );
      await refused(() => api().delete(`/v1/credentials/${id}`), 409, 'CREDENTIAL_REVOKED');
    });
  });

  describe('event metadata', () => {
    it('records who asked, through which request, from where and when, on every event', async () => {
      const response = await api()
        .post('/v1/credentials')
        .set('X-Request-Id', 'req-metadata-1')
        .set('X-Correlation-Id', 'corr-1')
        .set('X-On-Behalf-Of', 'alice@example.com')
        .send(validCredential())
        .expect(201);
      expect(response.headers['x-request-id']).toBe('req-metadata-1');
      const events = await keyring.store.readStream(credentialStreamName(response.body.credential.clientId));
      expect(events.map((event) => event.type)).toEqual(['CredentialCreated', 'SecretGenerated']);
      for (const event of events) {
        expect(event.metadata).toMatchObject({
          schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
          actor: { type: 'client', id: admin.clientId, onBehalfOf: 'alice@example.com' },
          requestId: 'req-metadata-1',
          sourceIp: '127.0.0.1',
          occurredAt: expect.any(String),
          correlationId: 'corr-1',
          causationId: expect.stringMatching(UUID),
        });
      }
    });
  });

  describe('health', () => {
    it('is live and ready with a reachable event store and a running projector, showing its lag', async () => {
      expect((await api().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
      // The public port says only that it is ready; the report is on the management listener.
      expect((await api().get('/health/ready').expect(200)).body).toEqual({ status: 'ok' });
      const ready = await request(keyring.managementUrl).get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        info: {
          eventStore: { status: 'up' },
          projection: { status: 'up', checkpoint: expect.any(Number), lag: expect.any(Number) },
        },
      });
      expect(ready.body.info.projection.checkpoint + ready.body.info.projection.lag).toBe(
        ready.body.info.projection.headPosition,
      );
    });
  });
});
