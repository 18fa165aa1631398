/**
 * Token endpoint throughput, three servers side by side in one run, each in
 * its own process and driven with the same autocannon settings (a warm-up,
 * then the measured load; client credentials rotated over many clients):
 *
 * - a bare node:http server answering a token-sized body: the ceiling of
 *   this machine's HTTP stack with the load generator beside it;
 * - oidc-provider (the peer), client_credentials with ES256 JWT access
 *   tokens, storing nothing per token;
 * - Keyring on the embedded default (SQLite, synchronous=FULL, the projector
 *   running): every TokenIssued durably appended before its answer.
 *
 *   npm run bench:token
 *
 * Prints JSON: each server's rate, p50/p99, and Keyring's ratio to the peer
 * and to the ceiling. Keyring's token-issue throttle (TOKEN_ISSUE_LIMIT) and
 * failed-request throttle are raised so the bench measures issuance, not
 * throttling; TOKEN_TTL_SECONDS=60 and the rotation keep every credential
 * below its ten active tokens.
 *
 * BENCH_SECONDS (default 10) the measured load; BENCH_WARMUP_SECONDS
 * (default 2); BENCH_CONNECTIONS (default 20); BENCH_CREDENTIALS (default
 * 8000) how many credentials share the load; BENCH_LOG_LEVEL (default warn)
 * the service's log level; BENCH_SYNCHRONOUS (FULL, the default, or NORMAL)
 * the store's durability; BENCH_ONLY (ceiling,peer,keyring) which to run;
 * BENCH_NODE_OPTIONS extra node flags for Keyring's process (e.g. --cpu-prof).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../support/running-keyring';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const CREDENTIALS = Number(process.env.BENCH_CREDENTIALS ?? 8000);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'ceiling,peer,keyring').split(','));
const ROOT = resolve(__dirname, '../..');
const REGISTER = join(ROOT, 'scripts/ts-register.js');

interface Client {
  readonly clientId: string;
  readonly clientSecret: string;
}

interface Measured {
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /**
   * CPU time the server's process (all its threads) spent per answered
   * request during the measured load: steadier than the rate on a shared
   * machine. Null where /proc is not available.
   */
  readonly cpuMsPerRequest: number | null;
}

/** User + system CPU milliseconds a process has used so far (Linux /proc); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const basic = ({ clientId, clientSecret }: Client) =>
  `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;

async function waitUntilAnswering(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not answer`);
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

/** A warm-up, then the measured load: POST url with a form body, authorisations taken in turn. */
async function load(url: string, authorizations: readonly string[], pid?: number): Promise<Measured> {
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          body: 'grant_type=client_credentials',
          setupRequest: (request) => ({
            ...request,
            headers: {
              ...request.headers,
              'content-type': 'application/x-www-form-urlencoded',
              authorization: authorizations[next++ % authorizations.length],
            },
          }),
        },
      ],
    });
  if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  const cpuBefore = cpuMsOf(pid);
  const result = await run(SECONDS);
  const cpuAfter = cpuMsOf(pid);
  const answered = result.requests.total;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || answered === 0
        ? null
        : Number(((cpuAfter - cpuBefore) / answered).toFixed(3)),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** Starts `script` (plain JavaScript) in a process of its own on a free port and measures it. */
async function measurePlainServer(
  script: string,
  path: string,
  readyPath: string,
  authorizations: readonly string[],
  env: Record<string, string> = {},
): Promise<Measured> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  try {
    await waitUntilAnswering(`http://127.0.0.1:${port}${readyPath}`);
    return await load(`http://127.0.0.1:${port}${path}`, authorizations, child.pid);
  } finally {
    await stop(child);
  }
}

/** Random clients in Keyring's shape, for the servers that need no Keyring credentials. */
const randomClients = (count: number): Client[] =>
  Array.from({ length: count }, () => ({
    clientId: randomUUID(),
    clientSecret: `kr_sec_${randomBytes(32).toString('base64url')}`,
  }));

async function measureKeyring(workDir: string): Promise<Measured & { readonly credentials: number }> {
  const dataDir = join(workDir, 'keyring');
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
    // Measure issuance, not throttling: no credential or address reaches a limit in the bench.
    TOKEN_ISSUE_LIMIT: '1000000',
    FAILED_REQUEST_LIMIT: '1000000',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    SQLITE_SYNCHRONOUS: process.env.BENCH_SYNCHRONOUS ?? 'FULL',
  };
  const admin = JSON.parse(
    execFileSync(
      process.execPath,
      ['--require', REGISTER, join(ROOT, 'apps/keyring/src/cli/cli.ts'), 'bootstrap-admin', '--json'],
      { cwd: ROOT, env },
    ).toString(),
  ) as Client;
  const nodeOptions = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const service = spawn(
    process.execPath,
    [...nodeOptions, '--require', REGISTER, join(ROOT, 'apps/keyring/src/main.ts')],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    await waitUntilAnswering(`${baseUrl}/health/ready`);
    const adminToken = await fetch(`${baseUrl}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basic(admin), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
    const clients = await createClients(baseUrl, `Bearer ${adminToken}`, CREDENTIALS);
    return {
      ...(await load(`${baseUrl}/oauth2/token`, clients.map(basic), service.pid)),
      credentials: clients.length,
    };
  } finally {
    await stop(service);
  }
}

const ratio = (a: Measured | undefined, b: Measured | undefined): number | null =>
  a && b ? Number((a.requestsPerSecond / b.requestsPerSecond).toFixed(3)) : null;

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'keyring-bench-token-'));
  try {
    const peerClients = randomClients(CREDENTIALS);
    const clientsFile = join(workDir, 'peer-clients.json');
    writeFileSync(clientsFile, JSON.stringify(peerClients));
    const ceiling = ONLY.has('ceiling')
      ? await measurePlainServer('test/bench/peers/bare-http-ceiling.mjs', '/oauth2/token', '/', [
          basic(peerClients[0]),
        ])
      : undefined;
    const peer = ONLY.has('peer')
      ? await measurePlainServer(
          'test/bench/peers/oidc-provider-peer.mjs',
          '/token',
          '/.well-known/openid-configuration',
          peerClients.map(basic),
          { CLIENTS_FILE: clientsFile },
        )
      : undefined;
    const keyring = ONLY.has('keyring') ? await measureKeyring(workDir) : undefined;
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'token-endpoint',
          seconds: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          connections: CONNECTIONS,
          credentials: CREDENTIALS,
          keyringSettings: {
            sqliteSynchronous: process.env.BENCH_SYNCHRONOUS ?? 'FULL',
            logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
            projector: 'on',
            throttling:
              'TOKEN_ISSUE_LIMIT and FAILED_REQUEST_LIMIT raised to 1000000: issuance, not throttling',
          },
          keyring,
          oidcProvider: peer,
          bareHttpCeiling: ceiling,
          keyringToOidcProvider: ratio(keyring, peer),
          keyringToCeiling: ratio(keyring, ceiling),
          oidcProviderToCeiling: ratio(peer, ceiling),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
