/**
 * credentials.v1.CredentialService against the running application with a
 * grpc-js client: every method's success, the refusals each maps to a
 * status code, and the same state seen over REST and gRPC.
 */
import { status } from '@grpc/grpc-js';
import { validCredential } from './support/credential-bodies';
import { grpcClient, type GrpcKeyringClient, refusalOf } from './support/grpc-clients';
import { type AdminClient, adminClient, accessTokenFor } from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

/** The create fields of REST's example credential, as the contract spells them. */
const grpcFields = (overrides: Record<string, unknown> = {}) => ({
  name: 'billing-service',
  description: 'Reads invoices for the billing dashboard',
  environment: 'PRODUCTION',
  accounts: ['9900001'],
  roles: ['billing:read'],
  apis: ['invoices:read', 'payments:read'],
  allowedIps: [],
  ...overrides,
});

interface CredentialMessage {
  clientId: string;
  name: string;
  description: string;
  environment: string;
  accounts: string[];
  roles: string[];
  apis: string[];
  allowedIps: string[];
  status: string;
  createdAt: string;
  updatedAt: string;
  revokedAt: string;
  lastUsedAt: string;
  secrets: { secretId: string; hint: string; status: string; expiresAt: string; lastUsedAt: string }[];
  activeTokenCount: number;
  revision: number;
}

interface Created {
  credential: CredentialMessage;
  secret: { secretId: string; clientSecret: string; hint: string; createdAt: string; expiresAt: string };
}

describe('gRPC CredentialService', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let grpc: GrpcKeyringClient;
  let bearer: string;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    admin = await adminClient(keyring, ['*']);
    bearer = admin.authorization;
    grpc = grpcClient(keyring.grpcAddress);
  });
  afterAll(async () => {
    grpc.close();
    await keyring.destroy();
  });

  const create = (overrides: Record<string, unknown> = {}, authorization = bearer) =>
    grpc.call<Created>('CredentialService', 'Create', { credential: grpcFields(overrides) }, authorization);
  const rest = (path: string, init: RequestInit = {}) =>
    fetch(`${keyring.baseUrl}${path}`, {
      ...init,
      headers: { authorization: bearer, 'content-type': 'application/json', ...init.headers },
    });

  describe('every method', () => {
    it('Create returns the credential and its first secret, shown this once', async () => {
      const created = await create({ secretExpiresInDays: 30 });
      expect(created.credential).toMatchObject({
        name: 'billing-service',
        environment: 'PRODUCTION',
        status: 'ACTIVE',
        accounts: ['9900001'],
        revokedAt: '',
        lastUsedAt: '',
        activeTokenCount: 0,
      });
      expect(created.credential.clientId).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.secret.clientSecret).toMatch(/^kr_sec_/);
      expect(created.credential.secrets).toEqual([
        expect.objectContaining({
          secretId: created.secret.secretId,
          status: 'SECRET_ACTIVE',
          lastUsedAt: '',
        }),
      ]);
      const days = (Date.parse(created.secret.expiresAt) - Date.parse(created.secret.createdAt)) / 86_400_000;
      expect(days).toBe(30);
      expect(JSON.stringify(created.credential)).not.toContain(created.secret.clientSecret);
    });

    it('CreateBatch creates every item, or none when one is invalid', async () => {
      const { results } = await grpc.call<{ results: Created[] }>(
        'CredentialService',
        'CreateBatch',
        { credentials: [grpcFields({ name: 'batch-one' }), grpcFields({ name: 'batch-two' })] },
        bearer,
      );
      expect(results.map((result) => result.credential.name)).toEqual(['batch-one', 'batch-two']);
      expect(new Set(results.map((result) => result.secret.clientSecret)).size).toBe(2);

      const refusal = await refusalOf(
        grpc.call(
          'CredentialService',
          'CreateBatch',
          { credentials: [grpcFields({ name: 'batch-three' }), grpcFields({ roles: [] })] },
          bearer,
        ),
      );
      expect(refusal.code).toBe(status.INVALID_ARGUMENT);
      expect(refusal.details?.violations?.map((violation) => violation.field)).toEqual([
        'credentials[1].roles',
      ]);
      const listed = await grpc.call<{ items: CredentialMessage[] }>('CredentialService', 'List', {}, bearer);
      expect(listed.items.map((item) => item.name)).not.toContain('batch-three');
    });

    it('Get returns what Create made', async () => {
      const created = await create({ name: 'get-me' });
      const got = await grpc.call<CredentialMessage>(
        'CredentialService',
        'Get',
        { clientId: created.credential.clientId },
        bearer,
      );
      expect(got).toEqual(created.credential);
    });

    it('List filters and pages, newest first', async () => {
      const account = '7700001';
      const names = ['list-a', 'list-b', 'list-c'];
      for (const name of names) await create({ name, accounts: [account], environment: 'STAGING' });
      await create({ name: 'list-elsewhere', accounts: [account], environment: 'DEVELOPMENT' });
      const first = await grpc.call<{ items: CredentialMessage[]; nextCursor: string }>(
        'CredentialService',
        'List',
        { account, environment: 'STAGING', limit: 2 },
        bearer,
      );
      expect(first.items.map((item) => item.name)).toEqual(['list-c', 'list-b']);
      expect(first.nextCursor).not.toBe('');
      const second = await grpc.call<{ items: CredentialMessage[]; nextCursor: string }>(
        'CredentialService',
        'List',
        { account, environment: 'STAGING', limit: 2, cursor: first.nextCursor },
        bearer,
      );
      expect(second.items.map((item) => item.name)).toEqual(['list-a']);
      expect(second.nextCursor).toBe('');
    });

    it('Update changes only the fields present, and a present list may be emptied', async () => {
      const created = await create({ name: 'update-me', allowedIps: ['10.0.0.0/8'] });
      const updated = await grpc.call<CredentialMessage>(
        'CredentialService',
        'Update',
        { clientId: created.credential.clientId, name: 'updated', allowedIps: { values: [] } },
        bearer,
      );
      expect(updated).toMatchObject({
        name: 'updated',
        description: created.credential.description,
        roles: created.credential.roles,
        allowedIps: [],
        revision: created.credential.revision + 1,
      });
    });

    it('GenerateSecret adds a second secret with its own lifetime; DeleteSecret removes one', async () => {
      const created = await create({ name: 'rotate-me' });
      const clientId = created.credential.clientId;
      const second = await grpc.call<Created['secret']>(
        'CredentialService',
        'GenerateSecret',
        { clientId, expiresInDays: 7 },
        bearer,
      );
      expect(second.clientSecret).toMatch(/^kr_sec_/);
      expect((Date.parse(second.expiresAt) - Date.parse(second.createdAt)) / 86_400_000).toBe(7);
      await expect(
        grpc.call(
          'CredentialService',
          'DeleteSecret',
          { clientId, secretId: created.secret.secretId },
          bearer,
        ),
      ).resolves.toEqual({});
      const got = await grpc.call<CredentialMessage>('CredentialService', 'Get', { clientId }, bearer);
      expect(got.secrets.map((secret) => [secret.secretId, secret.status])).toEqual([
        [created.secret.secretId, 'SECRET_DELETED'],
        [second.secretId, 'SECRET_ACTIVE'],
      ]);
    });

    it('ListTokens shows the live tokens; Revoke ends the credential', async () => {
      const created = await create({ name: 'tokens-and-revoke' });
      const clientId = created.credential.clientId;
      await grpc.call('TokenService', 'IssueToken', {
        clientId,
        clientSecret: created.secret.clientSecret,
        scope: 'invoices:read',
      });
      const tokens = await grpc.call<{ items: { jti: string; scope: string; sourceIp: string }[] }>(
        'CredentialService',
        'ListTokens',
        { clientId },
        bearer,
      );
      expect(tokens.items).toEqual([
        expect.objectContaining({ scope: 'invoices:read', sourceIp: '127.0.0.1', jti: expect.any(String) }),
      ]);
      await expect(grpc.call('CredentialService', 'Revoke', { clientId }, bearer)).resolves.toEqual({});
      const got = await grpc.call<CredentialMessage>('CredentialService', 'Get', { clientId }, bearer);
      expect(got.status).toBe('REVOKED');
      expect(got.revokedAt).not.toBe('');
      const after = await grpc.call<{ items: unknown[] }>(
        'CredentialService',
        'ListTokens',
        { clientId },
        bearer,
      );
      expect(after.items).toEqual([]);
    });
  });

  describe('refusals', () => {
    it('INVALID_ARGUMENT names each bad field of the request, as the contract spells it', async () => {
      const refusal = await refusalOf(
        create({ name: '', environment: 'ENVIRONMENT_UNSPECIFIED', allowedIps: ['not-an-ip'] }),
      );
      expect(refusal).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(refusal.details?.reason).toBe('VALIDATION_FAILED');
      expect(refusal.details?.violations?.map((violation) => violation.field).sort()).toEqual([
        'credential.allowed_ips',
        'credential.environment',
        'credential.name',
      ]);
      expect(refusal.message).toContain('credential.name');
    });

    it('INVALID_ARGUMENT for a bad page size, a missing id and a request that is not protobuf', async () => {
      const page = await refusalOf(grpc.call('CredentialService', 'List', { limit: 500 }, bearer));
      expect(page.code).toBe(status.INVALID_ARGUMENT);
      expect(page.details?.violations?.[0].field).toBe('limit');
      const missing = await refusalOf(grpc.call('CredentialService', 'Get', { clientId: '' }, bearer));
      expect(missing.code).toBe(status.INVALID_ARGUMENT);
      expect(missing.details?.violations).toEqual([{ field: 'client_id', message: 'client_id is required' }]);

      // Bytes that are no CreateRequest: grpc-js alone would answer INTERNAL.
      const client = grpc.clients.CredentialService;
      const garbage = await refusalOf(
        new Promise((resolve, reject) =>
          client.makeUnaryRequest(
            '/credentials.v1.CredentialService/Create',
            (bytes: Buffer) => bytes,
            (bytes: Buffer) => bytes,
            Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
            (error, value) => (error ? reject(error) : resolve(value)),
          ),
        ),
      );
      expect(garbage).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(garbage.details?.reason).toBe('MALFORMED_REQUEST');
    });

    it('INVALID_ARGUMENT for enum numbers the contract does not define', async () => {
      const environment = await refusalOf(create({ environment: 99 }));
      expect(environment.code).toBe(status.INVALID_ARGUMENT);
      expect(environment.details?.violations?.map((violation) => violation.field)).toEqual([
        'credential.environment',
      ]);
      const listStatus = await refusalOf(grpc.call('CredentialService', 'List', { status: 42 }, bearer));
      expect(listStatus.code).toBe(status.INVALID_ARGUMENT);
      expect(listStatus.details?.violations?.map((violation) => violation.field)).toEqual(['status']);
    });

    it('NOT_FOUND for an unknown or malformed client id and an unknown secret', async () => {
      for (const clientId of ['7c4f2a10-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const refusal = await refusalOf(grpc.call('CredentialService', 'Get', { clientId }, bearer));
        expect(refusal).toMatchObject({ code: status.NOT_FOUND });
        expect(refusal.details?.reason).toBe('CREDENTIAL_NOT_FOUND');
      }
      const created = await create({ name: 'secret-not-found' });
      const refusal = await refusalOf(
        grpc.call(
          'CredentialService',
          'DeleteSecret',
          { clientId: created.credential.clientId, secretId: '7c4f2a10-0000-4000-8000-000000000000' },
          bearer,
        ),
      );
      expect(refusal).toMatchObject({ code: status.NOT_FOUND });
      expect(refusal.details?.reason).toBe('SECRET_NOT_FOUND');
    });

    it('FAILED_PRECONDITION for a third secret and for changing a revoked credential', async () => {
      const created = await create({ name: 'limits' });
      const clientId = created.credential.clientId;
      await grpc.call('CredentialService', 'GenerateSecret', { clientId }, bearer);
      const third = await refusalOf(grpc.call('CredentialService', 'GenerateSecret', { clientId }, bearer));
      expect(third).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect(third.details?.reason).toBe('SECRET_LIMIT_REACHED');

      await grpc.call('CredentialService', 'Revoke', { clientId }, bearer);
      const revoked = await refusalOf(
        grpc.call('CredentialService', 'Update', { clientId, name: 'too-late' }, bearer),
      );
      expect(revoked).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect(revoked.details?.reason).toBe('CREDENTIAL_REVOKED');
    });

    it('UNAUTHENTICATED without a token, with a bad one, or with a revoked credential’s', async () => {
      const none = await refusalOf(grpc.call('CredentialService', 'List', {}));
      expect(none).toMatchObject({ code: status.UNAUTHENTICATED });
      expect(none.details?.reason).toBe('AUTHENTICATION_REQUIRED');
      const garbage = await refusalOf(grpc.call('CredentialService', 'List', {}, 'Bearer not-a-token'));
      expect(garbage).toMatchObject({ code: status.UNAUTHENTICATED });
      expect(garbage.details?.reason).toBe('INVALID_TOKEN');

      const other = await create({ name: 'short-lived-admin', roles: ['keyring:admin'], accounts: ['*'] });
      const token = await accessTokenFor(keyring.baseUrl, {
        clientId: other.credential.clientId,
        clientSecret: other.secret.clientSecret,
      });
      await grpc.call('CredentialService', 'List', {}, `Bearer ${token}`);
      await grpc.call('CredentialService', 'Revoke', { clientId: other.credential.clientId }, bearer);
      const revoked = await refusalOf(grpc.call('CredentialService', 'List', {}, `Bearer ${token}`));
      expect(revoked).toMatchObject({ code: status.UNAUTHENTICATED });
    });

    it('PERMISSION_DENIED without the admin role, or for accounts out of reach', async () => {
      const plain = await create({ name: 'not-an-admin' });
      const token = await accessTokenFor(keyring.baseUrl, {
        clientId: plain.credential.clientId,
        clientSecret: plain.secret.clientSecret,
      });
      const refusal = await refusalOf(grpc.call('CredentialService', 'List', {}, `Bearer ${token}`));
      expect(refusal).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(refusal.details?.reason).toBe('ROLE_REQUIRED');

      const scoped = await create({ name: 'scoped-admin', roles: ['keyring:admin'], accounts: ['5500001'] });
      const scopedToken = await accessTokenFor(keyring.baseUrl, {
        clientId: scoped.credential.clientId,
        clientSecret: scoped.secret.clientSecret,
      });
      const outside = await refusalOf(create({ accounts: ['5500002'] }, `Bearer ${scopedToken}`));
      expect(outside).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(outside.details?.reason).toBe('ACCOUNT_OUT_OF_REACH');
      // Out of reach reads as absent, as on REST.
      const foreign = await refusalOf(
        grpc.call(
          'CredentialService',
          'Get',
          { clientId: plain.credential.clientId },
          `Bearer ${scopedToken}`,
        ),
      );
      expect(foreign.code).toBe(status.NOT_FOUND);
    });
  });

  describe('REST and gRPC see the same state', () => {
    it('a credential created over gRPC reads the same over REST', async () => {
      const created = await create({ name: 'made-over-grpc', allowedIps: ['10.0.0.0/8'] });
      const response = await rest(`/v1/credentials/${created.credential.clientId}`);
      expect(response.status).toBe(200);
      const viaRest = (await response.json()) as Record<string, unknown>;
      expect(viaRest).toEqual({
        ...created.credential,
        environment: 'production',
        status: 'active',
        revokedAt: null,
        lastUsedAt: null,
        secrets: created.credential.secrets.map((secret) => ({
          ...secret,
          status: 'active',
          lastUsedAt: null,
        })),
      });
    });

    it('a credential created and changed over REST reads the same over gRPC', async () => {
      const response = await rest('/v1/credentials', {
        method: 'POST',
        body: JSON.stringify(validCredential({ name: 'made-over-rest' })),
      });
      const { credential } = (await response.json()) as { credential: { clientId: string } };
      await rest(`/v1/credentials/${credential.clientId}`, {
        method: 'PATCH',
        body: JSON.stringify({ roles: ['billing:write'] }),
      });
      const viaRest = (await (await rest(`/v1/credentials/${credential.clientId}`)).json()) as Record<
        string,
        unknown
      >;
      const viaGrpc = await grpc.call<CredentialMessage>(
        'CredentialService',
        'Get',
        { clientId: credential.clientId },
        bearer,
      );
      expect(viaGrpc).toMatchObject({ name: 'made-over-rest', roles: ['billing:write'] });
      expect(viaGrpc.environment.toLowerCase()).toBe(viaRest.environment);
      expect({ ...viaGrpc, environment: undefined, status: undefined, secrets: undefined }).toEqual({
        ...viaRest,
        environment: undefined,
        status: undefined,
        secrets: undefined,
        revokedAt: '',
        lastUsedAt: '',
      });
    });
  });
});
