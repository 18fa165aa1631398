/** Readiness as one answer, for probes other than `/health/ready` (the gRPC health service). */
import { Injectable } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health';
import { ProjectionHealthIndicator } from './projection.health';

@Injectable()
export class Readiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly projection: ProjectionHealthIndicator,
  ) {}

  /** The checks of `/health/ready`: the event store answers and the projector runs. */
  check() {
    return this.health.check([() => this.eventStore.check(), () => this.projection.check()]);
  }

  async isReady(): Promise<boolean> {
    try {
      return (await this.check()).status === 'ok';
    } catch {
      return false;
    }
  }
}
