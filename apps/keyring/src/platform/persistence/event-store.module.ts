/** Provides the configured event store adapter and closes it (flushing pending appends) on shutdown. */
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { openEventStore } from './open-event-store';

@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [KEYRING_CONFIG],
      // The service checks the file's integrity once, at start; its projector thread and the CLI need not.
      useFactory: (config: KeyringConfig): Promise<EventStore> =>
        openEventStore(config, { quickCheck: true }),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
