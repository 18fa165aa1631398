/** Readiness as one answer, for `/health/ready` and for probes other than it (the gRPC health service). */
import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, type HealthIndicatorResult } from '@nestjs/terminus';
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
  ) {}

  /** The checks of `/health/ready`: the event store answers, and every registered check is up. */
  check() {
    return this.health.check([
      () => this.eventStore.check(),
      ...this.checks.map((part) => () => part.check()),
    ]);
  }

  async isReady(): Promise<boolean> {
    try {
      return (await this.check()).status === 'ok';
    } catch {
      return false;
    }
  }
}
