/**
 * The catalogue (seed: the "API List" a console picks from): GET /v1/catalogue
 * answers the configured roles and APIs to administrators only, and with
 * API_CATALOGUE set no credential is given an API outside it, by any route,
 * with nothing stored when one is refused.
 */
import request from 'supertest';
import { validCredential } from './support/credential-bodies';
import { accessTokenFor, type AdminClient, adminClient, createClient } from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

interface Problem {
  readonly status: number;
  readonly code: string;
  readonly errors?: { field: string; message: string }[];
}

describe('catalogue with ROLE_CATALOGUE and API_CATALOGUE set', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  const api = () => request(keyring.baseUrl);

  beforeAll(async () => {
    keyring = await startKeyring({
      LOG_LEVEL: 'warn',
      GRPC_PORT: 'off',
      ROLE_CATALOGUE: 'billing:read,billing:write',
      API_CATALOGUE: 'invoices:read, payments:read,messaging',
    });
    admin = await adminClient(keyring);
  });
  afterAll(() => keyring.destroy());

  /** Sends a request that must be refused and checks that no event was appended. */
  const refused = async (send: () => request.Test, status: number): Promise<Problem> => {
    const before = await keyring.store.headPosition();
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await keyring.store.headPosition()).toBe(before);
    return response.body as Problem;
  };

  describe('GET /v1/catalogue', () => {
    it('lists the grantable roles (built-in ones included) and the APIs', async () => {
      const response = await api().get('/v1/catalogue').set('Authorization', admin.authorization).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        roles: ['keyring:admin', 'keyring:introspect', 'billing:read', 'billing:write'],
        apis: ['invoices:read', 'payments:read', 'messaging'],
      });
    });

    it('is what RFC 8414 metadata publishes as scopes_supported, to anyone', async () => {
      const metadata = await api().get('/.well-known/oauth-authorization-server').expect(200);
      expect(metadata.body.scopes_supported).toEqual(['invoices:read', 'payments:read', 'messaging']);
    });

    it('answers 401 with a Bearer challenge when no token is sent', async () => {
      const response = await api().get('/v1/catalogue').expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="keyring"');
      expect(response.body).toMatchObject({ status: 401, code: 'AUTHENTICATION_REQUIRED' });
      expect(JSON.stringify(response.body)).not.toContain('billing:read');
    });

    it('answers 401 for a token that is not valid', async () => {
      const response = await api()
        .get('/v1/catalogue')
        .set('Authorization', 'Bearer not-a-token')
        .expect(401);
      expect(response.body.code).toBe('INVALID_TOKEN');
    });

    it('answers 403 to a valid token whose credential lacks the admin role', async () => {
      const plain = await createClient(keyring, admin.authorization, { roles: ['billing:read'] });
      const token = await accessTokenFor(keyring.baseUrl, plain);
      const response = await api().get('/v1/catalogue').set('Authorization', `Bearer ${token}`).expect(403);
      expect(response.body).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' });
      expect(JSON.stringify(response.body)).not.toContain('invoices:read');
    });
  });

  describe('an API outside the catalogue is refused, naming the field, and nothing is stored', () => {
    it('on create', async () => {
      const problem = await refused(
        () =>
          api()
            .post('/v1/credentials')
            .set('Authorization', admin.authorization)
            .send(validCredential({ apis: ['invoices:read', 'fax:send'] })),
        400,
      );
      expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(problem.errors).toEqual([
        {
          field: 'apis[1]',
          message:
            '"fax:send" is not in the API catalogue; allowed APIs: invoices:read, payments:read, messaging',
        },
      ]);
    });

    it('on a batch, where one bad credential stops them all', async () => {
      const problem = await refused(
        () =>
          api()
            .post('/v1/credentials/batch')
            .set('Authorization', admin.authorization)
            .send({ credentials: [validCredential(), validCredential({ apis: ['fax:send'] })] }),
        400,
      );
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors?.map(({ field }) => field)).toEqual(['credentials[1].apis[0]']);
    });

    it('on update', async () => {
      const { clientId } = await createClient(keyring, admin.authorization);
      const problem = await refused(
        () =>
          api()
            .patch(`/v1/credentials/${clientId}`)
            .set('Authorization', admin.authorization)
            .send({ apis: ['messaging', 'fax:send'] }),
        400,
      );
      expect(problem.errors?.map(({ field }) => field)).toEqual(['apis[1]']);
      const stored = await api().get(`/v1/credentials/${clientId}`).set('Authorization', admin.authorization);
      expect(stored.body.apis).toEqual(['invoices:read', 'payments:read']);
    });

    it('while APIs from the catalogue are granted', async () => {
      const response = await api()
        .post('/v1/credentials')
        .set('Authorization', admin.authorization)
        .send(validCredential({ apis: ['messaging', 'invoices:read'] }))
        .expect(201);
      expect(response.body.credential.apis).toEqual(['messaging', 'invoices:read']);
    });
  });
});

describe('catalogue without ROLE_CATALOGUE and API_CATALOGUE', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn', GRPC_PORT: 'off' });
    admin = await adminClient(keyring);
  });
  afterAll(() => keyring.destroy());

  it('answers empty lists: any well-formed role and API is accepted', async () => {
    const response = await request(keyring.baseUrl)
      .get('/v1/catalogue')
      .set('Authorization', admin.authorization)
      .expect(200);
    expect(response.body).toEqual({ roles: [], apis: [] });
    await request(keyring.baseUrl)
      .post('/v1/credentials')
      .set('Authorization', admin.authorization)
      .send(validCredential({ apis: ['fax:send'], roles: ['anything:goes'] }))
      .expect(201);
  });

  it('publishes no scopes_supported: the APIs tenants granted are not the public’s to read', async () => {
    await request(keyring.baseUrl)
      .post('/v1/credentials')
      .set('Authorization', admin.authorization)
      .send(validCredential({ apis: ['acme-secret-project:launch'] }))
      .expect(201);
    const metadata = await request(keyring.baseUrl)
      .get('/.well-known/oauth-authorization-server')
      .expect(200);
    expect(metadata.body).not.toHaveProperty('scopes_supported');
    expect(JSON.stringify(metadata.body)).not.toContain('acme-secret-project');
  });
});
