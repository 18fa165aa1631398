/**
 * The service's Prometheus metrics, in a registry of its own (not prom-client's
 * global one, so two applications in one process — the tests — keep theirs
 * apart). Labels are route patterns, status codes and reason codes: never a
 * client id, a token or anything else per caller, which would both leak and
 * make the series unbounded.
 */
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a fast token response to a slow verification. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type CollectHook = () => Promise<void> | void;

@Injectable()
export class KeyringMetrics {
  readonly registry = new Registry();

  private readonly httpRequests = new Histogram({
    name: 'keyring_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly grpcCalls = new Histogram({
    name: 'keyring_grpc_call_duration_seconds',
    help: 'gRPC calls by method and status code, and how long they took (streams: until they ended)',
    labelNames: ['method', 'code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly grpcStreams = new Gauge({
    name: 'keyring_grpc_streams_open',
    help: 'Server streams (WatchRevocations, StreamAudit) open now',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });

  private readonly tokensIssued = new Counter({
    name: 'keyring_tokens_issued_total',
    help: 'Access tokens issued (REST and gRPC)',
    registers: [this.registry],
  });

  private readonly tokensRefused = new Counter({
    name: 'keyring_token_requests_refused_total',
    help:
      'Token requests refused by the grant, by the OAuth error answered (the real reason is in the audit log; ' +
      'malformed requests show in the request metrics)',
    labelNames: ['error'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'keyring_' });
  }

  httpRequestEnded(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.observe({ method, route, status: String(status) }, seconds);
  }

  grpcCallEnded(method: string, code: string, seconds: number): void {
    this.grpcCalls.observe({ method, code }, seconds);
  }

  grpcStreamOpened(method: string): () => void {
    this.grpcStreams.inc({ method });
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.grpcStreams.dec({ method });
    };
  }

  tokenIssued(): void {
    this.tokensIssued.inc();
  }

  tokenRefused(error: string): void {
    this.tokensRefused.inc({ error });
  }

  /** A gauge read at each scrape, e.g. from the event store or the projector. */
  gauge(name: string, help: string, read: () => Promise<number> | number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
