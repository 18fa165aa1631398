/**
 * Token endpoint throughput: the real service in its own process on the
 * embedded default (SQLite, synchronous=FULL, every token durably appended
 * before its response), driven with autocannon; and, in the same run, a bare
 * loop signing the same JWTs with jose, so the ratio shows what the service
 * adds on top of the signature.
 *
 *   npm run bench:token
 *
 * BENCH_SECONDS (default 10) the load's length; BENCH_CONNECTIONS (default
 * 20); BENCH_CREDENTIALS (default 8000) how many credentials share the load,
 * with TOKEN_TTL_SECONDS=60 so the ten-token limit does not throttle it;
 * BENCH_LOG_LEVEL (default warn) the service's log level; BENCH_SYNCHRONOUS
 * (FULL, the default, or NORMAL) the store's durability.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { generateKeyPair, SignJWT } from 'jose';
import { freePort } from '../support/running-keyring';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const CREDENTIALS = Number(process.env.BENCH_CREDENTIALS ?? 8000);
const ROOT = resolve(__dirname, '../..');
const REGISTER = join(ROOT, 'scripts/ts-register.js');

interface Client {
  readonly clientId: string;
  readonly clientSecret: string;
}

const basic = ({ clientId, clientSecret }: Client) =>
  `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;

async function waitUntilReady(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the service did not become ready');
}

async function createClients(baseUrl: string, authorization: string, count: number): Promise<Client[]> {
  const clients: Client[] = [];
  const body = (index: number) =>
    JSON.stringify({
      credentials: Array.from({ length: 10 }, (_, item) => ({
        name: `bench-${index}-${item}`,
        environment: 'production',
        accounts: ['9900001'],
        roles: ['bench:client'],
        apis: ['messaging:send', 'numbers:read'],
      })),
    });
  for (let batch = 0; batch < Math.ceil(count / 10); batch++) {
    const response = await fetch(`${baseUrl}/v1/credentials/batch`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: body(batch),
    });
    const { results } = (await response.json()) as {
      results: { credential: { clientId: string }; secret: { clientSecret: string } }[];
    };
    clients.push(
      ...results.map((result) => ({
        clientId: result.credential.clientId,
        clientSecret: result.secret.clientSecret,
      })),
    );
  }
  return clients;
}

/** The same token the service signs, signed in a tight loop with nothing else going on. */
async function bareSigningRate(seconds: number): Promise<number> {
  const { privateKey } = await generateKeyPair('ES256');
  const claims = {
    iss: 'http://127.0.0.1:3000',
    sub: randomUUID(),
    client_id: randomUUID(),
    aud: 'http://127.0.0.1:3000',
    scope: 'messaging:send numbers:read',
    accounts: ['9900001'],
    roles: ['bench:client'],
  };
  const until = performance.now() + seconds * 1000;
  let signed = 0;
  const started = performance.now();
  while (performance.now() < until) {
    const now = Math.floor(Date.now() / 1000);
    await new SignJWT({ ...claims, jti: randomUUID(), iat: now, exp: now + 3600 })
      .setProtectedHeader({ alg: 'ES256', kid: 'bench', typ: 'at+jwt' })
      .sign(privateKey);
    signed++;
  }
  return signed / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyring-bench-token-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    GRPC_PORT: 'off',
    MANAGEMENT_PORT: 'off',
    TOKEN_TTL_SECONDS: '60',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    SQLITE_SYNCHRONOUS: process.env.BENCH_SYNCHRONOUS ?? 'FULL',
  };
  let service: ChildProcess | undefined;
  try {
    const admin = JSON.parse(
      execFileSync(
        process.execPath,
        ['--require', REGISTER, join(ROOT, 'apps/keyring/src/cli/cli.ts'), 'bootstrap-admin', '--json'],
        {
          cwd: ROOT,
          env,
        },
      ).toString(),
    ) as Client;
    service = spawn(process.execPath, ['--require', REGISTER, join(ROOT, 'apps/keyring/src/main.ts')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilReady(baseUrl);

    const adminToken = await fetch(`${baseUrl}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basic(admin), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
    const clients = await createClients(baseUrl, `Bearer ${adminToken}`, CREDENTIALS);
    const headers = clients.map(basic);
    let next = 0;

    const result = await autocannon({
      url: `${baseUrl}/oauth2/token`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          body: 'grant_type=client_credentials',
          setupRequest: (request) => ({
            ...request,
            headers: {
              ...request.headers,
              'content-type': 'application/x-www-form-urlencoded',
              authorization: headers[next++ % headers.length],
            },
          }),
        },
      ],
    });
    service.kill('SIGTERM');
    await new Promise((done) => service!.once('exit', done));
    service = undefined;

    const signingPerSecond = await bareSigningRate(3);
    const tokensPerSecond = result.requests.average;
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'token-endpoint',
          seconds: SECONDS,
          connections: CONNECTIONS,
          sqliteSynchronous: env.SQLITE_SYNCHRONOUS,
          logLevel: env.LOG_LEVEL,
          credentials: clients.length,
          requestsPerSecond: Math.round(tokensPerSecond),
          latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          bareJwtSigningPerSecond: Math.round(signingPerSecond),
          serviceToBareSigningRatio: Number((tokensPerSecond / signingPerSecond).toFixed(3)),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    service?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
