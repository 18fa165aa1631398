/**
 * The service as an operator meets it: a separate process started from
 * main.ts, configured by environment variables, answering the README's
 * example, and stopping cleanly on SIGTERM.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { grpcClient, refusalOf } from './support/grpc-clients';
import {
  BUILT,
  freePortNumber,
  FROM_SOURCE,
  startServiceProcess,
  waitUntilReady,
} from './support/service-process';

const ROOT = path.resolve(__dirname, '..');

/** What the standard gRPC health service says of a service. */
async function grpcHealth(address: string, service: string): Promise<string> {
  const { Health } = (
    grpc.loadPackageDefinition(loadSync(healthProtoPath, { enums: String })) as unknown as {
      grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
    }
  ).grpc.health.v1;
  const client = new Health(address, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
    check(request: object, callback: (error: Error | null, response: { status: string }) => void): void;
  };
  try {
    return await new Promise((resolve, reject) =>
      client.check({ service }, (error, response) => (error ? reject(error) : resolve(response.status))),
    );
  } finally {
    client.close();
  }
}

/** The JSON body of the README's create-credential curl example. */
function readmeCreateBody(): unknown {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = /curl -s -X POST http:\/\/127\.0\.0\.1:3000\/v1\/credentials[\s\S]*?-d '([\s\S]*?)'/.exec(
    readme,
  );
  if (!match) throw new Error('README has no create-credential example');
  return JSON.parse(match[1]);
}

describe('the service process', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-process-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start on a bad variable, naming it and what it allows', async () => {
    const service = startServiceProcess({
      DATA_DIR: dataDir,
      PORT: 'eighty',
      SQLITE_SYNCHRONOUS: 'sometimes',
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('PORT must be an integer from 0 to 65535 (got "eighty")');
    expect(service.output()).toContain('SQLITE_SYNCHRONOUS must be one of FULL, NORMAL (got "sometimes")');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 30_000);

  it('refuses to start on EventStoreDB when the server does not answer, saying where it looked', async () => {
    const service = startServiceProcess({
      DATA_DIR: dataDir,
      EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://admin:changeit@127.0.0.1:1?tls=false',
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('EVENT_STORE=esdb, but EventStoreDB at esdb://admin:***@127.0.0.1:1');
    expect(service.output()).not.toContain('changeit');
  }, 30_000);

  it('serves the README example on the embedded store and stops cleanly on SIGTERM', async () => {
    const port = await freePortNumber();
    const grpcPort = await freePortNumber();
    const env = { DATA_DIR: dataDir, PORT: String(port), GRPC_PORT: String(grpcPort), HOST: '127.0.0.1' };
    const service = startServiceProcess(env);
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitUntilReady(baseUrl, 20_000);
      // README: bootstrap the first admin with the CLI (another process, same data), get a token, call the API.
      const cli = await promisify(execFile)(
        process.execPath,
        [...FROM_SOURCE.cli, 'bootstrap-admin', '--json'],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', ...env },
        },
      );
      const admin = JSON.parse(cli.stdout) as { clientId: string; clientSecret: string };
      expect(Object.keys(admin)).toEqual(['clientId', 'clientSecret']);
      const again = await promisify(execFile)(
        process.execPath,
        [...FROM_SOURCE.cli, 'bootstrap-admin', '--json'],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', ...env },
        },
      ).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect(again).toMatchObject({ code: 3, stdout: '' });
      expect((again as { stderr: string }).stderr).toContain('An active admin credential already exists');

      const tokenResponse = await fetch(`${baseUrl}/oauth2/token`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${admin.clientId}:${admin.clientSecret}`).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      expect(tokenResponse.status).toBe(200);
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const response = await fetch(`${baseUrl}/v1/credentials`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(readmeCreateBody()),
      });
      expect(response.status).toBe(201);
      const { credential, secret } = (await response.json()) as {
        credential: { name: string };
        secret: { clientSecret: string };
      };
      expect(credential.name).toBe('billing-service');
      expect(secret.clientSecret).toMatch(/^kr_sec_/);
      expect(fs.existsSync(path.join(dataDir, 'events.sqlite'))).toBe(true);
    } finally {
      service.child.kill('SIGTERM');
    }
    // The service drains, closes the application (flushing the event store) and exits 0 by itself.
    expect(await service.exited).toBe(0);
    expect(service.signal()).toBeNull();
    expect(service.output()).toContain('Keyring listening on');
    expect(service.output()).toContain(`gRPC (credentials.v1) listening on 127.0.0.1:${grpcPort}`);
    // MANAGEMENT_PORT=0: a free port, logged so that an operator can find it.
    expect(service.output()).toMatch(
      /Management \(metrics, readiness report\) listening on http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(service.output()).not.toMatch(/"level":(50|60)/);
  }, 40_000);

  it('runs from the built bundle, projecting in its own thread what another process appends', async () => {
    await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: ROOT });
    const port = await freePortNumber();
    const grpcPort = await freePortNumber();
    const managementPort = await freePortNumber();
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      GRPC_PORT: String(grpcPort),
      MANAGEMENT_PORT: String(managementPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    const service = startServiceProcess(env, BUILT);
    const baseUrl = `http://127.0.0.1:${port}`;
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [...BUILT.cli, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
      });
    try {
      await waitUntilReady(baseUrl, 20_000);
      await cli('bootstrap-admin', '--json');
      // The service learns of the CLI's events by polling, and its projector thread writes them.
      const deadline = Date.now() + 10_000;
      let projection: { checkpoint: number; headPosition: number } | undefined;
      while (Date.now() < deadline) {
        // The projector's checkpoint is in the management listener's report, not on the public port.
        const ready = (await (await fetch(`http://127.0.0.1:${managementPort}/health/ready`)).json()) as {
          info: { projection: { checkpoint: number; headPosition: number } };
        };
        projection = ready.info.projection;
        if (projection.headPosition > 0 && projection.checkpoint === projection.headPosition) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(projection).toEqual(expect.objectContaining({ checkpoint: 2, headPosition: 2 }));
      const verified = await cli('audit', 'verify', '--json');
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, checked: 2 });

      // The bundle serves gRPC from the contract webpack copied beside it.
      expect(await grpcHealth(`127.0.0.1:${grpcPort}`, 'credentials.v1.CredentialService')).toBe('SERVING');
      const grpc = grpcClient(`127.0.0.1:${grpcPort}`);
      const refusal = await refusalOf(grpc.call('CredentialService', 'List', {}));
      grpc.close();
      expect(refusal.codeName).toBe('UNAUTHENTICATED');
    } finally {
      service.child.kill('SIGTERM');
    }
    await service.exited;
    expect(service.output()).not.toMatch(/"level":(50|60)/);
  }, 90_000);
});
