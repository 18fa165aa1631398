/**
 * The management API is for administrators only, each bounded by its
 * accounts: bearer tokens from this service whose credential holds the admin
 * role, no disclosure of credentials outside the caller's accounts, and the
 * caller recorded as the actor of every event.
 */
import request from 'supertest';
import { credentialStreamName } from '@keyring/domain';
import { validCredential } from './support/credential-bodies';
import {
  type AdminClient,
  adminClient,
  accessTokenFor,
  type ClientCredentials,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

describe('management API access', () => {
  let keyring: RunningKeyring;
  let root: AdminClient;
  const api = () => request(keyring.baseUrl);

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    root = await adminClient(keyring, ['*']);
  });
  afterAll(() => keyring.destroy());

  const create = async (admin: AdminClient, overrides: Record<string, unknown> = {}) => {
    const response = await api()
      .post('/v1/credentials')
      .set('Authorization', admin.authorization)
      .send(validCredential({ allowedIps: [], ...overrides }))
      .expect(201);
    return {
      clientId: response.body.credential.clientId as string,
      clientSecret: response.body.secret.clientSecret as string,
    };
  };

  /** An admin credential for some accounts, created by the root admin, with its own token. */
  const scopedAdmin = async (accounts: string[]): Promise<AdminClient> => {
    const credentials = await create(root, { accounts, roles: ['keyring:admin'] });
    const accessToken = await accessTokenFor(keyring.baseUrl, credentials);
    return { ...credentials, accessToken, authorization: `Bearer ${accessToken}` };
  };

  describe('authentication', () => {
    it('answers 401 with a problem and a Bearer challenge when no token is sent', async () => {
      const response = await api().get(`/v1/credentials/${root.clientId}`).expect(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="keyring"');
      expect(response.body).toMatchObject({ status: 401, code: 'AUTHENTICATION_REQUIRED' });
    });

    it.each([
      ['garbage', 'Bearer not-a-token'],
      ['a Basic header', 'Basic YTpi'],
      ['an empty bearer', 'Bearer '],
    ])('answers 401 for %s and changes nothing', async (_case, authorization) => {
      const before = await keyring.store.headPosition();
      const response = await api()
        .post('/v1/credentials')
        .set('Authorization', authorization)
        .send(validCredential())
        .expect(401);
      expect(response.body.code).toMatch(/^(AUTHENTICATION_REQUIRED|INVALID_TOKEN)$/);
      expect(await keyring.store.headPosition()).toBe(before);
    });

    it('answers 401 for a revoked token and for a token of a revoked credential', async () => {
      const admin = await scopedAdmin(['*']);
      await api()
        .get(`/v1/credentials/${admin.clientId}`)
        .set('Authorization', admin.authorization)
        .expect(200);
      await api()
        .delete(`/v1/credentials/${admin.clientId}`)
        .set('Authorization', root.authorization)
        .expect(204);
      const response = await api()
        .get(`/v1/credentials/${root.clientId}`)
        .set('Authorization', admin.authorization)
        .expect(401);
      expect(response.body.code).toBe('INVALID_TOKEN');
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    });

    it('answers 403 for a valid token whose credential lacks the admin role', async () => {
      const plain: ClientCredentials = await create(root, { roles: ['billing:read'] });
      const token = await accessTokenFor(keyring.baseUrl, plain);
      const response = await api()
        .get(`/v1/credentials/${plain.clientId}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
      expect(response.body).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' });
    });

    it('takes a removed admin role into account at once, without waiting for the token to expire', async () => {
      const admin = await scopedAdmin(['*']);
      await api()
        .patch(`/v1/credentials/${admin.clientId}`)
        .set('Authorization', root.authorization)
        .send({ roles: ['billing:read'] })
        .expect(200);
      // The token carried the role that was taken away, so the update revoked it (credential-narrowed).
      await api()
        .get(`/v1/credentials/${root.clientId}`)
        .set('Authorization', admin.authorization)
        .expect(401);
    });
  });

  describe('every event records its actor', () => {
    it('is the calling client, with X-On-Behalf-Of when sent', async () => {
      const response = await api()
        .post('/v1/credentials')
        .set('Authorization', root.authorization)
        .set('X-On-Behalf-Of', 'alice@example.com')
        .send(validCredential())
        .expect(201);
      const [created] = await keyring.store.readStream(
        credentialStreamName(response.body.credential.clientId),
      );
      expect(created.metadata).toMatchObject({
        actor: { type: 'client', id: root.clientId, onBehalfOf: 'alice@example.com' },
      });
    });

    it('is the CLI operator for the bootstrap admin', async () => {
      const [created] = await keyring.store.readStream(credentialStreamName(root.clientId));
      expect(created.metadata).toMatchObject({ actor: { type: 'cli', id: expect.any(String) } });
    });
  });

  describe('account isolation', () => {
    let adminA: AdminClient;
    let credentialOfB: { clientId: string };
    let credentialOfA: { clientId: string };

    beforeAll(async () => {
      adminA = await scopedAdmin(['acct-a']);
      credentialOfB = await create(root, { accounts: ['acct-b'] });
      credentialOfA = await create(adminA, { accounts: ['acct-a'] });
    });

    const asA = () => ({ Authorization: adminA.authorization });

    it('lets an admin of account A manage credentials of account A', async () => {
      await api().get(`/v1/credentials/${credentialOfA.clientId}`).set(asA()).expect(200);
      await api()
        .patch(`/v1/credentials/${credentialOfA.clientId}`)
        .set(asA())
        .send({ name: 'renamed' })
        .expect(200);
      await api().post(`/v1/credentials/${credentialOfA.clientId}/secrets`).set(asA()).send({}).expect(201);
    });

    it('hides a credential of account B from an admin of account A: reading answers 404', async () => {
      const response = await api().get(`/v1/credentials/${credentialOfB.clientId}`).set(asA()).expect(404);
      expect(response.body.code).toBe('CREDENTIAL_NOT_FOUND');
      // Exactly what an unknown id answers: nothing is disclosed.
      const unknown = await api()
        .get('/v1/credentials/00000000-0000-4000-8000-000000000000')
        .set(asA())
        .expect(404);
      expect(response.body.detail.replace(credentialOfB.clientId, 'ID')).toBe(
        unknown.body.detail.replace('00000000-0000-4000-8000-000000000000', 'ID'),
      );
    });

    it('does not let an admin of account A change, rotate or revoke a credential of account B', async () => {
      const before = await keyring.store.headPosition();
      const id = credentialOfB.clientId;
      await api().patch(`/v1/credentials/${id}`).set(asA()).send({ name: 'mine now' }).expect(404);
      await api().post(`/v1/credentials/${id}/secrets`).set(asA()).send({}).expect(404);
      await api()
        .delete(`/v1/credentials/${id}/secrets/00000000-0000-4000-8000-000000000000`)
        .set(asA())
        .expect(404);
      await api().delete(`/v1/credentials/${id}`).set(asA()).expect(404);
      expect(await keyring.store.headPosition()).toBe(before);
      await api().get(`/v1/credentials/${id}`).set('Authorization', root.authorization).expect(200);
    });

    it('answers changes to a credential of account B exactly as changes to a credential that does not exist', async () => {
      // An attacker with an admin token of A probing which client ids exist elsewhere learns nothing.
      const unknownId = '00000000-0000-4000-8000-000000000000';
      const probes = [
        (id: string) => api().patch(`/v1/credentials/${id}`).set(asA()).send({ name: 'probe' }),
        (id: string) => api().post(`/v1/credentials/${id}/secrets`).set(asA()).send({}),
        (id: string) => api().delete(`/v1/credentials/${id}`).set(asA()),
        (id: string) => api().get(`/v1/credentials/${id}/tokens`).set(asA()),
        (id: string) => api().get(`/v1/credentials/${id}/history`).set(asA()),
      ];
      for (const probe of probes) {
        const [hidden, missing] = [await probe(credentialOfB.clientId), await probe(unknownId)];
        expect(hidden.status).toBe(404);
        expect({ ...hidden.body, instance: undefined }).toEqual({
          ...missing.body,
          instance: undefined,
        });
      }
    });

    it('refuses with 403 to create or move a credential outside account A', async () => {
      const before = await keyring.store.headPosition();
      for (const accounts of [['acct-b'], ['acct-a', 'acct-b'], ['*']]) {
        const response = await api()
          .post('/v1/credentials')
          .set(asA())
          .send(validCredential({ accounts }))
          .expect(403);
        expect(response.body.code).toBe('ACCOUNT_OUT_OF_REACH');
      }
      await api()
        .post('/v1/credentials/batch')
        .set(asA())
        .send({
          credentials: [validCredential({ accounts: ['acct-a'] }), validCredential({ accounts: ['acct-b'] })],
        })
        .expect(403);
      await api()
        .patch(`/v1/credentials/${credentialOfA.clientId}`)
        .set(asA())
        .send({ accounts: ['acct-a', 'acct-b'] })
        .expect(403);
      expect(await keyring.store.headPosition()).toBe(before);
    });

    it('hides a credential that spans account A and another account from an admin of A alone', async () => {
      const shared = await create(root, { accounts: ['acct-a', 'acct-b'] });
      await api().get(`/v1/credentials/${shared.clientId}`).set(asA()).expect(404);
    });
  });
});
