/**
 * Starts the real Keyring application on a temporary data directory and a
 * loopback port, capturing its log lines, for end-to-end tests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { parseEnvironment } from '../../apps/keyring/src/platform/config/environment';
import { createApp } from '../../apps/keyring/src/create-app';
import { ManagementServer } from '../../apps/keyring/src/platform/management/management-server';

export interface RunningKeyring {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  /** host:port of the gRPC interface; empty when GRPC_PORT=off. */
  readonly grpcAddress: string;
  /** The management listener (metrics, the detailed readiness report); empty when MANAGEMENT_PORT=off. */
  readonly managementUrl: string;
  readonly dataDir: string;
  readonly store: EventStore;
  /** Every log line the application wrote. */
  readonly logs: string[];
  stop(): Promise<void>;
  /** Stops the app and deletes its data directory. */
  destroy(): Promise<void>;
}

/**
 * With EVENTSTORE_CONNECTION_STRING set, the end-to-end tests run the service on that EventStoreDB
 * (tests that open the SQLite event-store file themselves stay on SQLite).
 */
function onEventStoreDbWhenGiven(): Record<string, string> {
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
  return connectionString ? { EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: connectionString } : {};
}

export async function startKeyring(
  env: Record<string, string> = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-e2e-')),
  options: { readonly clock?: () => Date } = {},
): Promise<RunningKeyring> {
  const logs: string[] = [];
  // The port is chosen first because the issuer (the tokens' `iss`, the metadata's URLs) names it.
  const port = Number(env.PORT ?? (await freePort()));
  const grpcPort = env.GRPC_PORT ?? String(await freePort());
  const config = parseEnvironment({
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    GRPC_PORT: grpcPort,
    // A free port each: tests run side by side, and the default 9000 would be shared.
    MANAGEMENT_PORT: '0',
    ISSUER: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'info',
    ...onEventStoreDbWhenGiven(),
    ...env,
  });
  const app = await createApp(config, {
    logDestination: { write: (line: string) => void logs.push(line) },
    clock: options.clock,
  });
  await app.listen(port, '127.0.0.1');
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= app.close());
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    grpcAddress: grpcPort === 'off' ? '' : `127.0.0.1:${grpcPort}`,
    managementUrl: app.get(ManagementServer).url() ?? '',
    dataDir,
    store: app.get<EventStore>(EVENT_STORE),
    logs,
    stop,
    destroy: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** All bytes of every file under a directory, for secret-hygiene checks. */
export function readAllFiles(directory: string): Buffer {
  const chunks: Buffer[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) chunks.push(fs.readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return Buffer.concat(chunks);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
