/**
 * A secret's plaintext is shown to its caller once and goes nowhere else:
 * not to the event store, the pepper file, any other file under the data
 * directory, nor the logs (even when a client sends it where it should not),
 * over REST and gRPC alike.
 */
import request from 'supertest';
import { validCredential } from './support/credential-bodies';
import { grpcClient, refusalOf } from './support/grpc-clients';
import { accessTokenFor, adminClient, requestToken } from './support/oauth-clients';
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
