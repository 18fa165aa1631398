/**
 * Legacy API users against the running service: the management endpoints,
 * verification of Basic headers before and after the retirement instant (a
 * clock injected, so neither waits), migration to a client credential with
 * exactly the same reach, the report of who has not moved, and that no
 * password or hash reaches an answer, a log line, the read models or the
 * audit log.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { apiUserStreamName } from '@keyring/domain';
import { type AdminClient, accessTokenFor, adminClient, createClient } from './support/oauth-clients';
import { runCli } from './support/run-cli';
import { readAllFiles, type RunningKeyring, startKeyring } from './support/running-keyring';

// Every verification runs scrypt with OWASP's parameters (~0.5 s each on a busy machine).
jest.setTimeout(60_000);

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** The fields of the README calls' answers the walk-through looks at. */
interface ReadmeAnswer {
  readonly password: string;
  readonly apiUser: Record<string, unknown>;
  readonly credential: { readonly clientId: string } & Record<string, unknown>;
  readonly unmigrated: readonly { readonly username: string }[];
}

describe('legacy API users', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let introspector: string;
  // The retirement is a few minutes after the start; the clock jumps past it when a test asks.
  const retiresAt = new Date(Date.now() + 5 * 60_000);
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const api = () => request.agent(keyring.baseUrl).set('Authorization', admin.authorization);
  const verify = (authorization: string, as = introspector) =>
    request(keyring.baseUrl).post('/v1/api-users/verify').set('Authorization', as).send({ authorization });

  beforeAll(async () => {
    keyring = await startKeyring({ BASIC_AUTH_RETIRES_AT: retiresAt.toISOString() }, undefined, { clock });
    admin = await adminClient(keyring);
    const client = await createClient(keyring, admin.authorization, { roles: ['keyring:introspect'] });
    introspector = `Bearer ${await accessTokenFor(keyring.baseUrl, client)}`;
  });
  afterEach(() => {
    offsetMs = 0;
  });
  afterAll(() => keyring.destroy());

  const passwords: string[] = [];
  const createUser = async (username: string, body: Record<string, unknown> = {}) => {
    const response = await api()
      .post('/v1/api-users')
      .send({ username, accounts: ['9900001'], roles: ['billing:read'], ...body });
    if (response.status !== 201) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    passwords.push(response.body.password);
    return response.body as { apiUser: Record<string, unknown>; password: string };
  };

  /** A request that must fail, changing nothing in the store. */
  const refused = async (send: () => request.Test, status: number, code: string) => {
    const before = await keyring.store.headPosition();
    const response = await send().expect(status);
    expect(response.body.code).toBe(code);
    expect(await keyring.store.headPosition()).toBe(before);
  };

  describe('management', () => {
    it('creates a user and shows a generated password of at least 128 bits once', async () => {
      const { apiUser, password } = await createUser('Report.Bot', {
        roles: ['reports:write', 'reports:read'],
      });
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(apiUser).toEqual({
        username: 'Report.Bot',
        accounts: ['9900001'],
        roles: ['reports:read', 'reports:write'],
        status: 'active',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        lastUsedAt: null,
        migratedTo: null,
        migratedAt: null,
      });
      const got = await api().get('/v1/api-users/Report.Bot').expect(200);
      expect(got.body).toEqual(apiUser);
      expect(JSON.stringify(got.body)).not.toContain(password);
    });

    it('refuses an existing username, a short chosen password and an unknown user, appending nothing', async () => {
      await refused(
        () =>
          api()
            .post('/v1/api-users')
            .send({ username: 'Report.Bot', accounts: ['1'], roles: ['x'] }),
        409,
        'API_USER_ALREADY_EXISTS',
      );
      await refused(
        () =>
          api()
            .post('/v1/api-users')
            .send({ username: 'short', accounts: ['1'], roles: ['x'], password: 'too-short' }),
        400,
        'VALIDATION_FAILED',
      );
      await refused(() => api().get('/v1/api-users/report.bot'), 404, 'API_USER_NOT_FOUND');
      await refused(
        () => api().patch('/v1/api-users/nobody').send({ status: 'disabled' }),
        404,
        'API_USER_NOT_FOUND',
      );
    });

    it('changes roles, disables and enables, sets a password and deletes for good', async () => {
      await createUser('lifecycle', { password: 'a chosen password of 30 chars' });
      const patched = await api()
        .patch('/v1/api-users/lifecycle')
        .send({ roles: ['billing:write'], status: 'disabled' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ roles: ['billing:write'], status: 'disabled' });
      const reset = await api().post('/v1/api-users/lifecycle/password').send({}).expect(200);
      passwords.push(reset.body.password);
      expect(reset.body.password).not.toBe('a chosen password of 30 chars');
      await api().delete('/v1/api-users/lifecycle').expect(204);
      await api().get('/v1/api-users/lifecycle').expect(404);
      await refused(
        () =>
          api()
            .post('/v1/api-users')
            .send({ username: 'lifecycle', accounts: ['1'], roles: ['x'] }),
        409,
        'API_USER_ALREADY_EXISTS',
      );
    });

    it('keeps users beyond a caller reach out of sight', async () => {
      await createUser('other-account', { accounts: ['7700001'] });
      const narrow = await adminClient(keyring, ['9900001']);
      const asNarrow = () => request.agent(keyring.baseUrl).set('Authorization', narrow.authorization);
      await asNarrow().get('/v1/api-users/other-account').expect(404);
      const listed = await asNarrow().get('/v1/api-users').expect(200);
      expect(listed.body.items.map((u: { username: string }) => u.username)).not.toContain('other-account');
      await asNarrow()
        .post('/v1/api-users')
        .send({ username: 'sneaky', accounts: ['7700001'], roles: ['x'] })
        .expect(403);
    });

    it('lists with filters and keyset pages', async () => {
      await createUser('second-on-9900001');
      const page = await api().get('/v1/api-users?limit=1&account=9900001').expect(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      const next = await api().get(`/v1/api-users?limit=1&account=9900001&cursor=${page.body.nextCursor}`);
      expect(next.body.items[0].username).not.toBe(page.body.items[0].username);
      const other = await api().get('/v1/api-users?account=7700001').expect(200);
      expect(other.body.items.map((u: { username: string }) => u.username)).toEqual(['other-account']);
      await api().get('/v1/api-users?migrated=maybe').expect(400);
    });
  });

  describe('verification of Basic headers for resource servers', () => {
    let password: string;
    beforeAll(async () => {
      ({ password } = await createUser('verify-me', { roles: ['billing:read', 'billing:write'] }));
      await createUser('disabled-one', { password: 'disabled-user-password' });
      await api().patch('/v1/api-users/disabled-one').send({ status: 'disabled' }).expect(200);
    });

    it('answers like introspection for an active user with the right password', async () => {
      const response = await verify(basic('verify-me', password)).expect(200);
      expect(response.body).toEqual({
        active: true,
        username: 'verify-me',
        accounts: ['9900001'],
        roles: ['billing:read', 'billing:write'],
      });
      await eventuallyUsed('verify-me');
    });

    it('gives the same answer for an unknown user, a wrong password, a disabled user and a malformed header', async () => {
      const answers = await Promise.all([
        verify(basic('no-such-user', password)),
        verify(basic('verify-me', `${password}x`)),
        verify(basic('disabled-one', 'disabled-user-password')),
        verify('Basic !!!'),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ active: false });
      }
    });

    it('takes about the same time for an unknown user as for a wrong password', async () => {
      const time = async (authorization: string) => {
        const start = process.hrtime.bigint();
        await verify(authorization).expect(200);
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      const unknown = await time(basic('nobody-at-all', 'guess-guess-guess'));
      const wrong = await time(basic('verify-me', 'guess-guess-guess'));
      // Both run the same scrypt; a skipped hash would be two orders of magnitude faster.
      expect(unknown).toBeGreaterThan(wrong / 4);
      expect(wrong).toBeGreaterThan(unknown / 4);
    });

    it('needs the introspect or admin role', async () => {
      const plain = await createClient(keyring, admin.authorization, { roles: ['billing:read'] });
      await verify(
        basic('verify-me', password),
        `Bearer ${await accessTokenFor(keyring.baseUrl, plain)}`,
      ).expect(403);
      await verify(basic('verify-me', password), '').expect(401);
      await verify(basic('verify-me', password), admin.authorization).expect(200);
    });

    it('records refusals on existing users only, never creating a stream for an unknown username', async () => {
      await verify(basic('ghost-user', 'whatever-password')).expect(200);
      expect(await keyring.store.readStream(apiUserStreamName('ghost-user'))).toEqual([]);
      const stream = await keyring.store.readStream(apiUserStreamName('verify-me'));
      expect(stream.map((event) => event.type)).toContain('BasicAuthenticationRefused');
    });

    it('throttles wrong passwords per (username, address), whether or not the user exists', async () => {
      for (const username of ['throttled', 'no-such-throttled']) {
        if (username === 'throttled') await createUser(username);
        const statuses: number[] = [];
        for (let attempt = 0; attempt < 11; attempt++)
          statuses.push((await verify(basic(username, `wrong-${attempt}`))).status);
        expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
        expect(statuses[10]).toBe(429);
      }
    });

    it('after the retirement instant, refuses every Basic authentication and says why', async () => {
      offsetMs = retiresAt.getTime() - Date.now() + 1000;
      for (const authorization of [basic('verify-me', password), basic('no-such-user', 'x'.repeat(20))]) {
        const response = await verify(authorization).expect(200);
        expect(response.body).toEqual({ active: false, reason: 'basic_auth_retired' });
      }
      const report = await api().get('/v1/api-users/report').expect(200);
      expect(report.body).toMatchObject({ retired: true, daysLeft: 0 });
    });
  });

  describe('migration to client credentials', () => {
    it('creates a credential with exactly the same accounts and roles, shows its secret once and links both', async () => {
      await createUser('migrate-me', {
        accounts: ['9900001', '9900002'],
        roles: ['billing:read', 'orders:write'],
      });
      const response = await api()
        .post('/v1/api-users/migrate-me/migrate')
        .send({ environment: 'production', disableBasic: true })
        .expect(201);
      const { credential, secret, apiUser } = response.body;
      expect(credential.accounts).toEqual(['9900001', '9900002']);
      expect(credential.roles).toEqual(['billing:read', 'orders:write']);
      expect(credential.description).toBe('Migrated from API user migrate-me');
      expect(apiUser).toMatchObject({ migratedTo: credential.clientId, status: 'disabled' });
      // The new credential works with the client-credentials grant.
      await accessTokenFor(keyring.baseUrl, {
        clientId: credential.clientId,
        clientSecret: secret.clientSecret,
      });
      const got = await api().get('/v1/api-users/migrate-me').expect(200);
      expect(got.body).toMatchObject({ migratedTo: credential.clientId, status: 'disabled' });
      await refused(
        () => api().post('/v1/api-users/migrate-me/migrate').send({ environment: 'production' }),
        409,
        'API_USER_ALREADY_MIGRATED',
      );
      const migrated = await api().get('/v1/api-users?migrated=true').expect(200);
      expect(migrated.body.items.map((u: { username: string }) => u.username)).toEqual(['migrate-me']);
    });

    it('the report lists exactly the users not migrated (and not deleted), with days left', async () => {
      const report = await api().get('/v1/api-users/report').expect(200);
      const listed = await api().get('/v1/api-users?migrated=false&limit=200').expect(200);
      expect(report.body.unmigrated.map((u: { username: string }) => u.username).sort()).toEqual(
        listed.body.items.map((u: { username: string }) => u.username).sort(),
      );
      const names = report.body.unmigrated.map((u: { username: string }) => u.username);
      expect(names).not.toContain('migrate-me');
      expect(names).not.toContain('lifecycle');
      expect(names).toContain('Report.Bot');
      expect(report.body).toMatchObject({ retired: false, retiresAt: retiresAt.toISOString() });
      expect(report.body.unmigrated[0]).toMatchObject({ daysLeft: 1, lastUsedAt: null });
    });
  });

  describe('the CLI report', () => {
    it('lists the same unmigrated users as the API, replayed from the event store', async () => {
      const fromApi = await api().get('/v1/api-users/report').expect(200);
      const cli = await runCli(keyring.dataDir, ['api-users', 'report', '--json']);
      expect(cli.stderr).toBe('');
      expect(cli.code).toBe(0);
      const report = JSON.parse(cli.stdout) as { unmigrated: { username: string }[]; retiresAt: string };
      expect(report.retiresAt).toBe('2026-12-02T00:00:00.000Z');
      const names = (list: { username: string }[]) => list.map((user) => user.username).sort();
      expect(names(report.unmigrated)).toEqual(names(fromApi.body.unmigrated));
      const text = await runCli(keyring.dataDir, ['api-users', 'report']);
      expect(text.stdout).toContain('not yet migrated');
      expect(text.stdout).toContain('Report.Bot');
    });
  });

  describe("the README's walk-through", () => {
    /** The shell blocks of the README's API-users section, in order. */
    const readmeCommands = (): string[] => {
      const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
      const section = readme.split('## Legacy API users and the Basic-auth retirement')[1].split('\n## ')[0];
      return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
    };
    const run = async (command: string, env: Record<string, string>) => {
      const script = command.replaceAll('http://127.0.0.1:3000', keyring.baseUrl);
      const { stdout } = await promisify(execFile)('sh', ['-c', script], { env: { ...process.env, ...env } });
      return JSON.parse(stdout) as ReadmeAnswer;
    };

    it('migrates one user with the curl calls the README shows', async () => {
      const [create, verifyCall, reportCall, migrate] = readmeCommands();
      const TOKEN = admin.accessToken;
      const created = await run(create, { TOKEN });
      passwords.push(created.password);
      expect(created.apiUser).toMatchObject({ username: 'billing.bot', status: 'active' });
      const verified = await run(verifyCall, { TOKEN, PASSWORD: created.password });
      expect(verified).toEqual({
        active: true,
        username: 'billing.bot',
        accounts: ['9900001'],
        roles: ['billing:read'],
      });
      const before = await run(reportCall, { TOKEN });
      expect(before.unmigrated.map((u: { username: string }) => u.username)).toContain('billing.bot');
      const migrated = await run(migrate, { TOKEN });
      expect(migrated.credential).toMatchObject({ accounts: ['9900001'], roles: ['billing:read'] });
      expect(migrated.apiUser).toMatchObject({
        migratedTo: migrated.credential.clientId,
        status: 'disabled',
      });
      const after = await run(reportCall, { TOKEN });
      expect(after.unmigrated.map((u: { username: string }) => u.username)).not.toContain('billing.bot');
    });
  });

  describe('records', () => {
    it('keeps the audit chain intact and writes API-user entries into it', async () => {
      const verified = await api().get('/v1/audit/verify').expect(200);
      expect(verified.body.ok).toBe(true);
      const audit = await api().get('/v1/audit?limit=200').expect(200);
      const actions = audit.body.items.map((entry: { action: string }) => entry.action);
      expect(actions).toEqual(
        expect.arrayContaining(['api-user.created', 'api-user.migrated', 'api-user.deleted']),
      );
    });

    it('never writes a password to an answer, a log line, the event store, the read models or the audit log', async () => {
      const files = readAllFiles(keyring.dataDir);
      const logs = keyring.logs.join('\n');
      expect(passwords.length).toBeGreaterThan(3);
      for (const password of passwords) {
        expect(files.includes(Buffer.from(password))).toBe(false);
        expect(logs).not.toContain(password);
      }
      // The hash is in the user's events and nowhere else: not in a read model, an audit entry or a log line.
      const stream = await keyring.store.readStream(apiUserStreamName('Report.Bot'));
      const hash = (stream[0].data as { passwordHash: string }).passwordHash;
      expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
      const audit = await api().get('/v1/audit?limit=200').expect(200);
      expect(JSON.stringify(audit.body)).not.toContain('$scrypt$');
      expect(logs).not.toContain('$scrypt$');
    });
  });

  async function eventuallyUsed(username: string): Promise<void> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const user = await api().get(`/v1/api-users/${username}`).expect(200);
      if (user.body.lastUsedAt !== null) return;
      if (Date.now() > deadline) throw new Error(`${username} has no recorded use`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
