/**
 * A secret's plaintext is shown to its caller once and goes nowhere else:
 * not to the event store, the pepper file, any other file under the data
 * directory, nor the logs (even when a client sends it where it should not),
 * over REST and gRPC alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { validCredential } from './support/credential-bodies';
import { grpcClient, refusalOf } from './support/grpc-clients';
import {
  accessTokenFor,
  adminClient,
  basicAuthorization,
  createClient,
  requestToken,
} from './support/oauth-clients';
import { readAllFiles, type RunningKeyring, startKeyring } from './support/running-keyring';

describe('secret hygiene', () => {
  let keyring: RunningKeyring;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'trace' });
  });
  afterAll(() => keyring.destroy());

  it('never writes a returned client secret to disk or to the logs', async () => {
    const admin = await adminClient(keyring);
    const api = () => request.agent(keyring.baseUrl).set('Authorization', admin.authorization);
    const plaintexts: string[] = [];

    const single = await api().post('/v1/credentials').send(validCredential()).expect(201);
    plaintexts.push(single.body.secret.clientSecret);
    const clientId = single.body.credential.clientId;

    const batch = await api()
      .post('/v1/credentials/batch')
      .send({ credentials: [validCredential({ name: 'a' }), validCredential({ name: 'b' })] })
      .expect(201);
    plaintexts.push(
      ...batch.body.results.map((result: { secret: { clientSecret: string } }) => result.secret.clientSecret),
    );

    const second = await api().post(`/v1/credentials/${clientId}/secrets`).expect(201);
    plaintexts.push(second.body.clientSecret);

    // A careless client puts a secret in headers and the query string; neither may reach a log line.
    await api()
      .get(`/v1/credentials/${clientId}?client_secret=${plaintexts[0]}`)
      .set('Authorization', `Basic ${Buffer.from(`${clientId}:${plaintexts[0]}`).toString('base64')}`)
      .set('X-Client-Secret', plaintexts[1])
      .expect(401);
    // …and in a body the API refuses.
    await api().post(`/v1/credentials/${clientId}/secrets`).send({ clientSecret: plaintexts[2] }).expect(400);

    // The OAuth endpoints see secrets in every request: right and wrong ones, in headers and bodies.
    plaintexts.push(admin.clientSecret);
    const tokenClient = { clientId: admin.clientId, clientSecret: admin.clientSecret };
    const accessToken = await accessTokenFor(keyring.baseUrl, tokenClient);
    const wrong = `${admin.clientSecret.slice(0, -4)}XXXX`;
    await requestToken(keyring.baseUrl, { ...tokenClient, clientSecret: wrong });
    await request(keyring.baseUrl)
      .post('/oauth2/token')
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_id: admin.clientId,
        client_secret: admin.clientSecret,
      })
      .expect(200);
    await request(keyring.baseUrl)
      .post('/oauth2/introspect')
      .type('form')
      .send({ token: accessToken, client_id: admin.clientId, client_secret: admin.clientSecret })
      .expect(200);

    // gRPC: secrets in responses, in IssueToken requests (right and wrong), and carelessly in metadata.
    const grpc = grpcClient(keyring.grpcAddress);
    const created = await grpc.call<{ credential: { clientId: string }; secret: { clientSecret: string } }>(
      'CredentialService',
      'Create',
      { credential: { ...validCredential(), environment: 'PRODUCTION', allowedIps: [] } },
      admin.authorization,
    );
    plaintexts.push(created.secret.clientSecret);
    const grpcClientId = created.credential.clientId;
    const rotated = await grpc.call<{ clientSecret: string }>(
      'CredentialService',
      'GenerateSecret',
      { clientId: grpcClientId },
      admin.authorization,
      { 'x-client-secret': created.secret.clientSecret },
    );
    plaintexts.push(rotated.clientSecret);
    const grpcToken = await grpc.call<{ accessToken: string }>('TokenService', 'IssueToken', {
      clientId: grpcClientId,
      clientSecret: rotated.clientSecret,
    });
    const wrongOverGrpc = `${rotated.clientSecret.slice(0, -4)}YYYY`;
    await refusalOf(
      grpc.call('TokenService', 'IssueToken', { clientId: grpcClientId, clientSecret: wrongOverGrpc }),
    );
    await refusalOf(grpc.call('CredentialService', 'List', {}, `Basic ${created.secret.clientSecret}`));
    grpc.close();

    await keyring.stop();
    const files = readAllFiles(keyring.dataDir).toString('latin1');
    const logs = keyring.logs.join('');
    expect(plaintexts).toHaveLength(7);
    expect(logs.includes(accessToken)).toBe(false);
    expect(logs.includes(grpcToken.accessToken)).toBe(false);
    expect(logs.includes(wrong.slice('kr_sec_'.length))).toBe(false);
    expect(logs.includes(wrongOverGrpc.slice('kr_sec_'.length))).toBe(false);
    // The gRPC calls were logged, without what they carried.
    expect(logs).toContain('/credentials.v1.TokenService/IssueToken');
    expect(logs.length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(0);
    for (const plaintext of plaintexts) {
      const body = plaintext.slice('kr_sec_'.length);
      expect(files.includes(body)).toBe(false);
      expect(logs.includes(body)).toBe(false);
      expect(logs.includes(Buffer.from(`${clientId}:${plaintext}`).toString('base64'))).toBe(false);
    }
  });
});

/**
 * A client that puts its secret in the wrong field — Basic `secret:id`, the
 * secret as client_id, as grant_type, as scope, as an account, as a JSON key,
 * in a path, in a request-id header — gets it back in no response body or
 * header, and it reaches no log line and no file.
 */
describe('a secret sent in the wrong field', () => {
  let keyring: RunningKeyring;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'trace' });
  });
  afterAll(() => keyring.destroy());

  /** Everything a caller got back: status, headers and body. */
  const answers: string[] = [];
  const keep = async (response: Response): Promise<Response> => {
    answers.push(
      `${response.status} ${JSON.stringify([...response.headers])} ${await response.clone().text()}`,
    );
    return response;
  };
  const post = (path: string, init: { headers?: Record<string, string>; body: string; form?: boolean }) =>
    fetch(`${keyring.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': init.form === false ? 'application/json' : 'application/x-www-form-urlencoded',
        ...init.headers,
      },
      body: init.body,
    }).then(keep);
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('is echoed in no answer, logged nowhere and written nowhere', async () => {
    const admin = await adminClient(keyring);
    const owner = await createClient(keyring, admin.authorization, { apis: ['invoices:read'] });
    const secret = owner.clientSecret;
    const basic = (id: string, password: string) =>
      `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`;

    // 1. Swapped in Basic: `secret:id`.
    expect(
      (
        await post('/oauth2/token', {
          headers: { authorization: basic(secret, owner.clientId) },
          body: form({ grant_type: 'client_credentials' }),
        })
      ).status,
    ).toBe(401);
    // 2. The secret as client_id (client_secret_post), on the token, introspection and revocation endpoints.
    for (const path of ['/oauth2/token', '/oauth2/introspect', '/oauth2/revoke']) {
      const response = await post(path, {
        body: form({
          grant_type: 'client_credentials',
          token: 'x',
          client_id: secret,
          client_secret: secret,
        }),
      });
      expect(response.status).toBe(401);
    }
    // 3. The secret as grant_type.
    const grantType = await post('/oauth2/token', {
      headers: { authorization: basicAuthorization(owner) },
      body: form({ grant_type: secret }),
    });
    expect(grantType.status).toBe(400);
    expect(await grantType.json()).toMatchObject({
      error: 'unsupported_grant_type',
      error_description: expect.stringContaining('looks like a client secret'),
    });
    // 4. The secret as scope, by a client that authenticates correctly: refused before anything is recorded.
    const before = await keyring.store.headPosition();
    const scope = await post('/oauth2/token', {
      headers: { authorization: basicAuthorization(owner) },
      body: form({ grant_type: 'client_credentials', scope: `invoices:read ${secret}` }),
    });
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({ error: 'invalid_scope' });
    expect(await keyring.store.headPosition()).toBe(before);
    // 5. In a path, an unknown OAuth route, and the request-id and correlation-id headers.
    await keep(
      await fetch(`${keyring.baseUrl}/v1/credentials/${secret}`, {
        headers: { authorization: admin.authorization, 'x-request-id': secret, 'x-correlation-id': secret },
      }),
    );
    await keep(await fetch(`${keyring.baseUrl}/${secret}`));
    await post(`/oauth2/${secret}`, { body: form({ grant_type: 'client_credentials' }) });
    // 6. In a management body: as an account, an API, an allowed address, and as a property name.
    const created = await post('/v1/credentials', {
      form: false,
      headers: { authorization: admin.authorization },
      body: JSON.stringify(
        validCredential({ accounts: [secret], apis: [secret], allowedIps: [secret], [secret]: true }),
      ),
    });
    expect(created.status).toBe(400);
    const refused = await post('/v1/credentials', {
      form: false,
      headers: { authorization: admin.authorization },
      body: JSON.stringify(validCredential({ accounts: [secret], apis: [secret], allowedIps: [secret] })),
    });
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { errors?: { field: string }[] };
    expect(problem.errors?.map((violation) => violation.field)).toEqual(['accounts', 'allowedIps']);
    // A secret is a well-formed scope token, so the API rule itself refuses one.
    const api = await post('/v1/credentials', {
      form: false,
      headers: { authorization: admin.authorization },
      body: JSON.stringify(validCredential({ apis: [secret] })),
    });
    expect(api.status).toBe(400);
    expect(((await api.json()) as { errors: { field: string }[] }).errors).toEqual([
      { field: 'apis[0]', message: expect.stringContaining('looks like a client secret') },
    ]);

    // 7. gRPC: the secret as client_id, as scope, and as an account.
    const grpc = grpcClient(keyring.grpcAddress);
    const grpcRefusals = [
      await refusalOf(grpc.call('TokenService', 'IssueToken', { clientId: secret, clientSecret: secret })),
      await refusalOf(
        grpc.call('TokenService', 'IssueToken', { ...owner, scope: `invoices:read ${secret}` }),
      ),
      await refusalOf(
        grpc.call(
          'CredentialService',
          'Create',
          {
            credential: {
              ...validCredential({ accounts: [secret], apis: [secret] }),
              environment: 'PRODUCTION',
            },
          },
          admin.authorization,
        ),
      ),
    ];
    grpc.close();
    expect(grpcRefusals.map((refusal) => refusal.codeName)).toEqual([
      'UNAUTHENTICATED',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
    ]);
    answers.push(...grpcRefusals.map((refusal) => JSON.stringify(refusal)));

    await keyring.stop();
    const body = secret.slice('kr_sec_'.length);
    const logs = keyring.logs.join('');
    // The swapped Basic id is logged by its length, never its text.
    expect(logs).toContain(`"clientIdLength":${secret.length}`);
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) expect(answer).not.toContain(body);
    expect(logs).not.toContain(body);
    expect(readAllFiles(keyring.dataDir).toString('latin1')).not.toContain(body);
  });
});

/**
 * An API user's password is shown once, in the answer that sets it. Its
 * scrypt hash is in the user's events and nowhere else: not in the read
 * models, the audit log or a log line, even at trace level and even when a
 * caller sends the password in the wrong place.
 */
describe('API user password hygiene', () => {
  let keyring: RunningKeyring;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'trace' });
  });
  afterAll(() => keyring.destroy());

  it('is echoed in no answer but the one that sets it, logged nowhere, and only its hash is stored', async () => {
    const admin = await adminClient(keyring);
    const api = () => request.agent(keyring.baseUrl).set('Authorization', admin.authorization);
    const basic = (username: string, password: string) =>
      `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const chosen = 'a chosen legacy password 0123';
    const created = await api()
      .post('/v1/api-users')
      .send({ username: 'hygiene.bot', accounts: ['9900001'], roles: ['billing:read'], password: chosen })
      .expect(201);
    expect(created.body.password).toBe(chosen);
    const reset = await api().post('/v1/api-users/hygiene.bot/password').send({}).expect(200);
    const generated = reset.body.password as string;
    const answers: string[] = [];
    for (const authorization of [basic('hygiene.bot', generated), basic('hygiene.bot', chosen)]) {
      const response = await api().post('/v1/api-users/verify').send({ authorization }).expect(200);
      answers.push(JSON.stringify(response.body));
    }
    // A careless caller sends the password as a header and in a refused body.
    await api().get('/v1/api-users/hygiene.bot').set('X-Password', generated).expect(200);
    await api().patch('/v1/api-users/hygiene.bot').send({ password: generated }).expect(400);
    const migrated = await api()
      .post('/v1/api-users/hygiene.bot/migrate')
      .send({ environment: 'production' })
      .expect(201);
    answers.push(JSON.stringify(migrated.body));
    const got = await api().get('/v1/api-users/hygiene.bot').expect(200);
    answers.push(JSON.stringify(got.body));
    const audit = await api().get('/v1/audit?limit=200').expect(200);
    answers.push(JSON.stringify(audit.body));

    await keyring.stop();
    const readModels = fs.readFileSync(path.join(keyring.dataDir, 'read-models.sqlite')).toString('latin1');
    const files = readAllFiles(keyring.dataDir).toString('latin1');
    const logs = keyring.logs.join('');
    expect(logs).toContain('/v1/api-users/verify');
    for (const password of [chosen, generated]) {
      for (const answer of answers) expect(answer).not.toContain(password);
      expect(files).not.toContain(password);
      expect(logs).not.toContain(password);
      expect(logs).not.toContain(Buffer.from(`hygiene.bot:${password}`).toString('base64'));
    }
    for (const text of [...answers, readModels, logs]) expect(text).not.toContain('$scrypt$');
    // The events hold the hashes: two, one per password set.
    expect(files.split('$scrypt$ln=17,r=8,p=1$').length - 1).toBeGreaterThanOrEqual(2);
  });
});
