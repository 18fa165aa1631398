/**
 * A rolling deploy as an operator runs it: clients hold keep-alive
 * connections and ask for tokens without pause, then the service gets
 * SIGTERM. It turns not-ready at once, answers every request it received
 * (telling keep-alive clients to close), ends gRPC streams with
 * UNAVAILABLE, and exits 0 by itself within its drain time; after a
 * restart, every token it answered 200 is known to introspection.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { grpcClient } from './support/grpc-clients';
import { validCredential } from './support/credential-bodies';
import { basicAuthorization, type ClientCredentials } from './support/oauth-clients';
import {
  freePortNumber,
  runCliProcess,
  startServiceProcess,
  waitUntilReady,
} from './support/service-process';

const SHUTDOWN_TIMEOUT_MS = 5000;
const CLIENTS = 4;
/** Bounds of the load: it stops at whichever comes first. */
const MAX_REQUESTS_PER_CLIENT = 150;
const LOAD_BEFORE_SIGTERM_MS = 800;

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One request on a keep-alive agent; rejects only when no answer came (reset, refused). */
function send(
  agent: http.Agent,
  port: number,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

interface Sent {
  readonly at: number;
  answer?: Answer;
  error?: string;
}

describe('SIGTERM under keep-alive token load', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-shutdown-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('drains: not ready at once, every received request answered, streams UNAVAILABLE, exit 0 in time', async () => {
    const port = await freePortNumber();
    const grpcPort = await freePortNumber();
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      GRPC_PORT: String(grpcPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    };
    const admin = JSON.parse(await runCliProcess(env, 'bootstrap-admin', '--json')) as ClientCredentials;
    let service = startServiceProcess(env);
    const baseUrl = `http://127.0.0.1:${port}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const grant = 'grant_type=client_credentials';
    try {
      await waitUntilReady(baseUrl, 30_000);
      const setup = new http.Agent({ keepAlive: true });
      const adminToken = JSON.parse(
        (
          await send(
            setup,
            port,
            'POST',
            '/oauth2/token',
            { ...form, authorization: basicAuthorization(admin) },
            grant,
          )
        ).body,
      ) as { access_token: string };
      const bearer = `Bearer ${adminToken.access_token}`;
      const clients: ClientCredentials[] = [];
      for (let index = 0; index < CLIENTS; index++) {
        const created = await send(
          setup,
          port,
          'POST',
          '/v1/credentials',
          { authorization: bearer, 'content-type': 'application/json' },
          JSON.stringify(validCredential({ name: `load-${index}`, allowedIps: [] })),
        );
        expect(created.status).toBe(201);
        const body = JSON.parse(created.body) as {
          credential: { clientId: string };
          secret: { clientSecret: string };
        };
        clients.push({ clientId: body.credential.clientId, clientSecret: body.secret.clientSecret });
      }
      setup.destroy();

      // A revocation stream open across the stop.
      const grpc = grpcClient(`127.0.0.1:${grpcPort}`);
      const stream = grpc.stream('TokenService', 'WatchRevocations', { afterPosition: 0 }, bearer);
      const streamEnded = new Promise<number>((resolve) =>
        stream.on('error', (error: { code: number }) => resolve(error.code)),
      );

      // The load: one keep-alive connection per client, requests back to back.
      let sigtermAt = Number.POSITIVE_INFINITY;
      const sent: Sent[] = [];
      const loadEnds = Date.now() + LOAD_BEFORE_SIGTERM_MS + SHUTDOWN_TIMEOUT_MS;
      const workers = clients.map(async (client) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (let count = 0; count < MAX_REQUESTS_PER_CLIENT && Date.now() < loadEnds; count++) {
          const record: Sent = { at: Date.now() };
          sent.push(record);
          try {
            record.answer = await send(
              agent,
              port,
              'POST',
              '/oauth2/token',
              { ...form, authorization: basicAuthorization(client) },
              grant,
            );
          } catch (error) {
            record.error = (error as Error).message;
            if (record.at > sigtermAt) break;
          }
        }
        agent.destroy();
      });

      // A probe on its own keep-alive connection, opened before the signal.
      const probe = new http.Agent({ keepAlive: true, maxSockets: 1 });
      expect((await send(probe, port, 'GET', '/health/ready')).status).toBe(200);

      await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGTERM_MS));
      sigtermAt = Date.now();
      service.child.kill('SIGTERM');
      let notReady: Answer | undefined;
      while (!notReady && Date.now() - sigtermAt < 2000) {
        const answer = await send(probe, port, 'GET', '/health/ready').catch(() => undefined);
        if (answer === undefined) break;
        if (answer.status === 503) notReady = answer;
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const code = await service.exited;
      const drainMs = Date.now() - sigtermAt;
      await Promise.all(workers);
      probe.destroy();
      const streamCode = await streamEnded;
      grpc.close();

      const beforeSignal = sent.filter((record) => record.at < sigtermAt);
      const unanswered = beforeSignal.filter((record) => record.answer === undefined);
      const issued = sent.flatMap((record) =>
        record.answer?.status === 200
          ? [(JSON.parse(record.answer.body) as { access_token: string }).access_token]
          : [],
      );
      const afterSignal = sent.filter((record) => record.at >= sigtermAt);
      process.stdout.write(
        `SIGTERM drain: exit ${code} after ${drainMs} ms; ${beforeSignal.length} requests before the signal, ` +
          `${unanswered.length} unanswered; ${afterSignal.filter((r) => r.answer).length} answered and ` +
          `${afterSignal.filter((r) => r.error).length} refused after it; ${issued.length} tokens issued\n`,
      );

      // The public port says only that it is not ready; the management report says why (stopping).
      expect(JSON.parse(notReady?.body ?? '{}')).toEqual({ status: 'error' });
      expect(notReady?.headers.connection).toBe('close');
      expect(code).toBe(0);
      expect(service.signal()).toBeNull();
      expect(drainMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
      expect(beforeSignal.length).toBeGreaterThan(CLIENTS * 5);
      expect(unanswered).toEqual([]);
      expect(streamCode).toBe(14); // UNAVAILABLE
      // The only error lines: readiness answering 503 while stopping, which pino-http logs as any 5xx.
      const errors = service
        .output()
        .split('\n')
        .filter((line) => /"level":(50|60)/.test(line));
      expect(errors.filter((line) => !line.includes('"url":"/health/ready"'))).toEqual([]);
      expect(service.output()).not.toContain('deadline reached');

      // After a restart, every token answered 200 is known.
      service = startServiceProcess(env);
      await waitUntilReady(baseUrl, 30_000);
      const check = new http.Agent({ keepAlive: true });
      for (const token of issued) {
        const introspected = await send(
          check,
          port,
          'POST',
          '/oauth2/introspect',
          { ...form, authorization: basicAuthorization(admin) },
          new URLSearchParams({ token }).toString(),
        );
        expect(JSON.parse(introspected.body)).toMatchObject({ active: true });
      }
      check.destroy();
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  }, 90_000);
});
