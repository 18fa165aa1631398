/**
 * Attacks on what the service shows and keeps, each shown failing against
 * the running service: the public port tells a known client id from an
 * unknown one by nothing it serves; a forged snapshot row does not become a
 * credential's state; a name that spoofs text is refused; and every file
 * under DATA_DIR is the service user's alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { eventually } from './support/eventually';
import { validCredential } from './support/credential-bodies';
import { grpcClient, refusalOf } from './support/grpc-clients';
import { adminClient, createClient, requestToken } from './support/oauth-clients';
import { type RunningKeyring, startKeyring as startOne } from './support/running-keyring';

// nestjs-pino keeps one root logger per process, the first app's: look in every app's lines.
const started: RunningKeyring[] = [];
const startKeyring = async (...args: Parameters<typeof startOne>) => {
  const keyring = await startOne(...args);
  started.push(keyring);
  return keyring;
};
const everyLogLine = () => started.flatMap((keyring) => keyring.logs);

describe('the public port', () => {
  let keyring: RunningKeyring;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
  });
  afterAll(() => keyring.destroy());

  it('answers health with a status alone, unchanged by a wrong-secret request for a known client id', async () => {
    const admin = await adminClient(keyring);
    const known = await createClient(keyring, admin.authorization);
    const publicAnswers = async () =>
      Promise.all(
        ['/health/live', '/health/ready', '/metrics'].map(async (route) => {
          const response = await fetch(`${keyring.baseUrl}${route}`);
          return `${route} ${response.status} ${await response.text()}`;
        }),
      );
    const report = async () => (await request(keyring.managementUrl).get('/health/ready')).body;

    const before = await publicAnswers();
    const reportBefore = await report();
    expect((await requestToken(keyring.baseUrl, { ...known, clientSecret: 'kr_sec_wrong' })).status).toBe(
      401,
    );
    // The refusal is recorded just after the answer (issue 15 §2: never waiting for its fsync).
    await eventually(async () =>
      expect(await keyring.store.headPosition()).toBe(reportBefore.info.eventStore.headPosition + 1),
    );

    expect(await publicAnswers()).toEqual(before);
    expect(before.slice(0, 2)).toEqual([
      '/health/live 200 {"status":"ok"}',
      '/health/ready 200 {"status":"ok"}',
    ]);
    expect(before[2]).toMatch(/^\/metrics 404 /);
    // The management listener, on loopback, still shows the figures that moved.
    expect((await report()).info.eventStore.headPosition).toBe(reportBefore.info.eventStore.headPosition + 1);
  });
});

describe('text that spoofs what surrounds it', () => {
  let keyring: RunningKeyring;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
  });
  afterAll(() => keyring.destroy());

  it('refuses a credential named with U+202E, over REST and gRPC, naming the field and storing nothing', async () => {
    const admin = await adminClient(keyring);
    const before = await keyring.store.headPosition();
    const rest = await request(keyring.baseUrl)
      .post('/v1/credentials')
      .set('Authorization', admin.authorization)
      .send(validCredential({ name: 'invoice\u202Efdp.exe' }))
      .expect(400);
    expect(rest.body.errors).toEqual([{ field: 'name', message: expect.stringContaining('U+202E') }]);
    const described = await request(keyring.baseUrl)
      .post('/v1/credentials')
      .set('Authorization', admin.authorization)
      .send(validCredential({ description: 'zero\u200Bwidth' }))
      .expect(400);
    expect(described.body.errors).toEqual([
      { field: 'description', message: expect.stringContaining('U+200B') },
    ]);

    const grpc = grpcClient(keyring.grpcAddress);
    const refusal = await refusalOf(
      grpc.call(
        'CredentialService',
        'Create',
        {
          credential: {
            ...validCredential({ name: 'ops\u202E' }),
            environment: 'PRODUCTION',
            allowedIps: [],
          },
        },
        admin.authorization,
      ),
    );
    grpc.close();
    expect(refusal.codeName).toBe('INVALID_ARGUMENT');
    expect(refusal.details?.violations).toEqual([
      expect.objectContaining({ field: 'name', message: expect.stringContaining('U+202E') }),
    ]);
    expect(await keyring.store.headPosition()).toBe(before);
  });
});

describe('a forged snapshot row', () => {
  it('is ignored and logged: a copied secret hash and an added admin role give the forger nothing', async () => {
    const env = { LOG_LEVEL: 'warn', SNAPSHOT_EVERY: '1' };
    const first = await startKeyring(env);
    const admin = await adminClient(first);
    // The forger owns a low credential (and knows its secret), and targets another one.
    const forger = await createClient(first, admin.authorization, { roles: ['billing:read'] });
    const victim = await createClient(first, admin.authorization, { roles: ['billing:read'] });
    await first.stop();

    const file = path.join(first.dataDir, 'snapshots.sqlite');
    const db = new Database(file);
    const stateOf = (clientId: string) =>
      JSON.parse(
        db.prepare('SELECT state FROM snapshots WHERE client_id = ?').pluck().get(clientId) as string,
      );
    const forgerSecret = stateOf(forger.clientId).secrets[0];
    const forged = stateOf(victim.clientId);
    forged.roles = [...forged.roles, 'keyring:admin'];
    forged.secrets = [
      ...forged.secrets,
      { ...forgerSecret, secretId: '00000000-0000-4000-8000-000000000001' },
    ];
    db.prepare('UPDATE snapshots SET state = ? WHERE client_id = ?').run(
      JSON.stringify(forged),
      victim.clientId,
    );
    db.close();

    const keyring = await startKeyring(env, first.dataDir);
    try {
      const asVictim = await requestToken(keyring.baseUrl, {
        clientId: victim.clientId,
        clientSecret: forger.clientSecret,
      });
      expect(asVictim.status).toBe(401);
      const genuine = await requestToken(keyring.baseUrl, victim);
      expect(genuine.status).toBe(200);
      const { access_token: token } = (await genuine.json()) as { access_token: string };
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims.roles).toEqual(['billing:read']);
      const logs = everyLogLine().join('');
      expect(logs).toContain('A credential snapshot failed its MAC check and was ignored');
    } finally {
      await keyring.destroy();
    }
  }, 30_000);
});

describe('files under DATA_DIR', () => {
  it('are 0600 in a 0700 directory: event store, read models, snapshots, pepper, keys and SQLite companions', async () => {
    const keyring = await startKeyring({ LOG_LEVEL: 'warn', SNAPSHOT_EVERY: '1' });
    try {
      const admin = await adminClient(keyring);
      await createClient(keyring, admin.authorization);
      const names = fs.readdirSync(keyring.dataDir);
      expect(names).toEqual(
        expect.arrayContaining([
          'events.sqlite',
          'events.sqlite-wal',
          'read-models.sqlite',
          'read-models.sqlite-wal',
          'snapshots.sqlite',
          'secret-pepper',
          'signing-keys.json',
        ]),
      );
      const modes = Object.fromEntries(
        names.map((name) => [name, (fs.statSync(path.join(keyring.dataDir, name)).mode & 0o777).toString(8)]),
      );
      expect(modes).toEqual(Object.fromEntries(names.map((name) => [name, '600'])));
      expect((fs.statSync(keyring.dataDir).mode & 0o777).toString(8)).toBe('700');
    } finally {
      await keyring.destroy();
    }
  });
});
