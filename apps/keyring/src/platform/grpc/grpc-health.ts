/**
 * The standard gRPC health service (grpc.health.v1), saying what
 * `/health/ready` says: SERVING while the event store answers and the
 * projector runs, for the server as a whole ("") and each service.
 */
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { Readiness } from '../health/readiness';
import { GracefulShutdown } from '../lifecycle/graceful-shutdown';
import { CREDENTIALS_PACKAGE } from './credentials-proto';

export const KEYRING_SERVICES = ['CredentialService', 'TokenService', 'AuditService'].map(
  (name) => `${CREDENTIALS_PACKAGE}.${name}`,
);
const CHECK_INTERVAL_MS = 5000;

@Injectable()
export class GrpcHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly implementation = new HealthImplementation(
    Object.fromEntries(['', ...KEYRING_SERVICES].map((service) => [service, 'UNKNOWN' as ServingStatus])),
  );
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly readiness: Readiness,
    private readonly shutdown: GracefulShutdown,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.shutdown.signal.addEventListener('abort', () => this.setAll('NOT_SERVING'));
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), CHECK_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.setAll('NOT_SERVING');
  }

  async refresh(): Promise<void> {
    this.setAll((await this.readiness.isReady()) ? 'SERVING' : 'NOT_SERVING');
  }

  private setAll(status: ServingStatus): void {
    for (const service of ['', ...KEYRING_SERVICES]) this.implementation.setStatus(service, status);
  }
}
