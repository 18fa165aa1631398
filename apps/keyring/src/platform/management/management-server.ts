/**
 * The management listener (MANAGEMENT_HOST:MANAGEMENT_PORT, loopback by
 * default, as Keycloak's): Prometheus metrics and the detailed readiness
 * report. Both show figures that move with every request — the event store's
 * head, the projector's checkpoint, refusal counts — so an outsider reading
 * them could tell a known client id from an unknown one; the public port
 * answers health with a status only. A plain Node server: two routes need no
 * framework, and nothing of the public pipeline (body parsers, the token
 * endpoint, the console) is reachable here.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { Readiness } from '../health/readiness';
import { KeyringMetrics } from '../metrics/keyring-metrics';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const json = (status: number, body: unknown): Answer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});

@Injectable()
export class ManagementServer implements OnApplicationShutdown {
  private readonly logger = new Logger(ManagementServer.name);
  private server: http.Server | null = null;

  constructor(
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
    private readonly metrics: KeyringMetrics,
    private readonly readiness: Readiness,
  ) {}

  /** Starts listening (unless MANAGEMENT_PORT=off); the URL it listens on, or null. */
  async listen(): Promise<string | null> {
    const { management } = this.config;
    if (management === null || this.server !== null) return this.url();
    const server = http.createServer((request, response) => void this.serve(request, response));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(management.port, management.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const url = this.url();
    this.logger.log(`Management (metrics, readiness report) listening on ${url}`);
    return url;
  }

  /** `http://host:port` of the listener, or null when it does not listen. */
  url(): string | null {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) return null;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    this.server = null;
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let answer: Answer;
    try {
      answer = await this.answer(request);
    } catch (error) {
      this.logger.error({ err: error }, 'Management request failed');
      answer = json(500, { status: 'error' });
    }
    response.writeHead(answer.status, {
      'Content-Type': answer.contentType,
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(answer.body),
    });
    response.end(request.method === 'HEAD' ? undefined : answer.body);
  }

  private async answer(request: http.IncomingMessage): Promise<Answer> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { status: 'error' });
    const path = (request.url ?? '/').split('?')[0];
    switch (path) {
      case '/metrics': {
        const { contentType, body } = await this.metrics.exposition();
        return { status: 200, contentType, body };
      }
      case '/health/live':
        return json(200, { status: 'ok' });
      case '/health/ready':
        return this.readinessReport();
      default:
        return json(404, { status: 'error', message: 'Not found: /metrics, /health/live, /health/ready' });
    }
  }

  /** Terminus's whole report: which part is down and why, the event store's head, the projector's lag. */
  private async readinessReport(): Promise<Answer> {
    try {
      return json(200, await this.readiness.check());
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return json(503, error.getResponse());
      throw error;
    }
  }
}
