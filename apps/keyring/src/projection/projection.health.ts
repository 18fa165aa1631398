import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { Projector } from './projector';

/** Up while the projector runs without error; reports how far behind the event store it is. */
@Injectable()
export class ProjectionHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'projection') {
    const indicator = this.health.check(key);
    const { position, error } = this.projector.status();
    let headPosition: number | null = null;
    try {
      headPosition = await this.store.headPosition();
    } catch {
      // The event-store indicator reports an unreachable store; here the lag is simply unknown.
    }
    const details = {
      checkpoint: position,
      headPosition,
      lag: headPosition === null ? null : Math.max(0, headPosition - position),
    };
    return error === null ? indicator.up(details) : indicator.down({ ...details, message: error });
  }
}
