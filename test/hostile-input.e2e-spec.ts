/**
 * The hostile inputs a fuzz run found answered 500 (issue 15 §5), each sent
 * as it was found: JSON nested past class-transformer's stack, keys named
 * `constructor` and `__proto__`, route ids that name nothing ahead of a bad
 * body, and compressed bodies that do not inflate. Each is now refused with
 * a 4xx that says why, appends nothing, and pollutes nothing.
 */
import * as grpc from '@grpc/grpc-js';
import { grpcClient, type GrpcKeyringClient, metadataWith } from './support/grpc-clients';
import {
  type AdminClient,
  adminClient,
  basicAuthorization,
  type ClientCredentials,
  createClient,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const deepObjects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile input found by fuzzing', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let target: ClientCredentials;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'silent' });
    admin = await adminClient(keyring, ['*']);
    target = await createClient(keyring, admin.authorization);
  }, 30_000);
  afterAll(() => keyring.destroy());

  /** Sends a request and checks the event store did not move. */
  async function refused(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const before = await keyring.store.headPosition();
    const response = await fetch(`${keyring.baseUrl}${path}`, {
      method,
      headers: { authorization: admin.authorization, 'content-type': 'application/json', ...headers },
      body,
    });
    expect(await keyring.store.headPosition()).toBe(before);
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  describe('JSON nested deeper than 32 levels is refused before anything walks it', () => {
    // Each was a 500: class-transformer overflowed its stack.
    it.each([
      ['PATCH', '/v1/credentials/constructor'],
      ['PATCH', '/v1/credentials/1e309'],
      ['PATCH', '/v1/credentials/%0D%0AX-Injected%3A%201'],
      ['PATCH', '/v1/credentials/__proto__'],
      ['POST', '/v1/credentials'],
      ['POST', '/v1/credentials/batch'],
    ])('%s %s with 10,000 nested objects: 400', async (method, path) => {
      const answer = await refused(method, path, deepObjects(10_000));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 'MALFORMED_BODY',
        detail: 'The JSON body nests deeper than 32 levels',
      });
      expect(answer.headers.get('x-injected')).toBeNull();
    });

    it('to a credential that exists, too, with 20,000 nested arrays in a field', async () => {
      const answer = await refused(
        'PATCH',
        `/v1/credentials/${target.clientId}`,
        `{"name":${deepArrays(20_000)}}`,
      );
      expect(answer).toMatchObject({ status: 400, body: { code: 'MALFORMED_BODY' } });
    });

    it('32 levels still reach validation; 33 do not', async () => {
      const at = await refused('PATCH', `/v1/credentials/${target.clientId}`, `{"name":${deepArrays(31)}}`);
      expect(at).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', errors: [{ field: 'name' }] },
      });
      const past = await refused('PATCH', `/v1/credentials/${target.clientId}`, `{"name":${deepArrays(32)}}`);
      expect(past).toMatchObject({ status: 400, body: { code: 'MALFORMED_BODY' } });
    });

    it('on the OAuth endpoints, in their own words', async () => {
      const response = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
        method: 'POST',
        headers: { authorization: basicAuthorization(admin), 'content-type': 'application/json' },
        body: deepArrays(20_000),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    });
  });

  describe('a key that reaches a prototype is refused, naming its field', () => {
    it.each([
      // A 500: class-transformer's metadata lookup read `constructor` of undefined.
      ['PATCH', 'target', '{"name":{"constructor":1}}', 'name.constructor'],
      ['POST', '/v1/credentials', '{"name":{"constructor":1}}', 'name.constructor'],
      [
        'POST',
        '/v1/credentials/batch',
        '{"credentials":[{"name":{"constructor":1}}]}',
        'credentials[0].name.constructor',
      ],
      // Silently dropped before; refused now, like any other unknown field.
      ['PATCH', 'target', '{"__proto__":{"name":"renamed"}}', '__proto__'],
      ['PATCH', 'target', '{"constructor":{"prototype":{"polluted":true}}}', 'constructor'],
      ['PATCH', 'target', '{"accounts":[{"__proto__":{"polluted":true}}]}', 'accounts[0].__proto__'],
    ])('%s %s %s names %s', async (method, path, body, field) => {
      const answer = await refused(
        method,
        path === 'target' ? `/v1/credentials/${target.clientId}` : path,
        body,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('and the credential is as it was', async () => {
      const response = await fetch(`${keyring.baseUrl}/v1/credentials/${target.clientId}`, {
        headers: { authorization: admin.authorization },
      });
      expect(await response.json()).toMatchObject({ name: 'billing-service' });
    });

    it('prototype names in a query string or a token form are ordinary, ignored parameters', async () => {
      const list = await fetch(`${keyring.baseUrl}/v1/credentials?__proto__=1&constructor=1`, {
        headers: { authorization: admin.authorization },
      });
      expect(list.status).toBe(200);
      const token = await fetch(`${keyring.baseUrl}/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(target),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: '__proto__=x&constructor=y&toString=z&grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('route ids are checked before bodies', () => {
    it.each([
      ['PATCH', '/v1/credentials/constructor', '{"name":5}'],
      ['PATCH', '/v1/credentials/1e309', '{"name":{"toString":1}}'],
      ['POST', '/v1/credentials/%0D%0AX-Injected%3A%201/secrets', '{"expiresInDays":"never"}'],
    ])('%s %s with a bad body: 404, not a validation error', async (method, path, body) => {
      const answer = await refused(method, path, body);
      expect(answer).toMatchObject({ status: 404, body: { code: 'CREDENTIAL_NOT_FOUND' } });
    });

    it('but the caller before the route id', async () => {
      const answer = await refused('PATCH', '/v1/credentials/constructor', '{"name":5}', {
        authorization: 'Bearer x',
      });
      expect(answer.status).toBe(401);
    });
  });

  describe('a compressed body that does not inflate is the caller’s mistake', () => {
    // Each was a 500: zlib's error reached the exception filter untranslated.
    it.each(['gzip', 'deflate', 'br'])(
      'Content-Encoding: %s on the management API: 400',
      async (encoding) => {
        const answer = await refused('POST', '/v1/credentials', '{"name":"x"}', {
          'content-encoding': encoding,
        });
        expect(answer).toMatchObject({ status: 400, body: { code: 'MALFORMED_BODY' } });
      },
    );

    it('and on an OAuth endpoint: invalid_request', async () => {
      const response = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(admin),
          'content-type': 'application/x-www-form-urlencoded',
          'content-encoding': 'gzip',
        },
        body: 'token=x',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    });
  });

  describe('gRPC messages cannot nest past the schema', () => {
    let client: GrpcKeyringClient;
    let raw: grpc.Client;
    beforeAll(() => {
      client = grpcClient(keyring.grpcAddress);
      raw = new grpc.Client(keyring.grpcAddress, grpc.credentials.createInsecure());
    });
    afterAll(() => {
      client.close();
      raw.close();
    });

    it('100,000 nested groups in an unknown field: INVALID_ARGUMENT, not INTERNAL', async () => {
      const bytes = Buffer.concat([Buffer.alloc(100_000, 0x7b), Buffer.alloc(100_000, 0x7c)]);
      const code = await new Promise<grpc.status>((resolve) =>
        raw.makeUnaryRequest(
          '/credentials.v1.CredentialService/Update',
          (message: Buffer) => message,
          (message: Buffer) => message,
          bytes,
          metadataWith(admin.authorization),
          (error) => resolve(error?.code ?? grpc.status.OK),
        ),
      );
      expect(code).toBe(grpc.status.INVALID_ARGUMENT);
      await expect(
        client.call('CredentialService', 'Get', { clientId: target.clientId }, admin.authorization),
      ).resolves.toMatchObject({
        name: 'billing-service',
      });
    });
  });
});
