import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'eventStore') {
    const indicator = this.health.check(key);
    try {
      await this.store.ping();
      return indicator.up({ headPosition: await this.store.headPosition() });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
