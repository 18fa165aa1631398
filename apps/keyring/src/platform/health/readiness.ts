/** Readiness as one answer, for `/health/ready` and for probes other than it (the gRPC health service). */
import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { GracefulShutdown } from '../lifecycle/graceful-shutdown';
import { EventStoreHealthIndicator } from './event-store.health';

/** A part of the service that must be up for it to serve, e.g. the projector. */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@Injectable()
export class Readiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    @Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[],
    private readonly shutdown: GracefulShutdown,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /**
   * The checks of `/health/ready`: the service is not stopping, the event store answers, and every
   * registered check is up.
   */
  check() {
    return this.health.check([
      () => this.running(),
      () => this.eventStore.check(),
      ...this.checks.map((part) => () => part.check()),
    ]);
  }

  /** Not ready from the moment stopping begins, so that balancers send no more work. */
  private running() {
    const indicator = this.indicators.check('lifecycle');
    return this.shutdown.stopping ? indicator.down({ message: 'stopping' }) : indicator.up();
  }

  async isReady(): Promise<boolean> {
    try {
      return (await this.check()).status === 'ok';
    } catch {
      return false;
    }
  }
}
