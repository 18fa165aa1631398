/**
 * Gauges read at each scrape: where the event store and the projector are,
 * and, on SQLite, how group commit is doing (events per transaction).
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@keyring/event-store';
import { Projector } from './projector';
import { KeyringMetrics } from '../platform/metrics/keyring-metrics';

@Injectable()
export class StoreAndProjectionGauges implements OnModuleInit {
  constructor(
    private readonly metrics: KeyringMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
  ) {}

  onModuleInit(): void {
    const { metrics, store, projector } = this;
    const head = () => store.headPosition().catch(() => Number.NaN);
    metrics.gauge('keyring_event_store_head_position', 'Global position of the newest event', head);
    metrics.gauge(
      'keyring_projection_checkpoint',
      'Global position the read models and the audit log include',
      () => projector.status().position,
    );
    metrics.gauge(
      'keyring_projection_lag_positions',
      'Head position minus checkpoint (events on SQLite, log bytes on EventStoreDB)',
      async () => Math.max(0, (await head()) - projector.status().position),
    );
    metrics.gauge('keyring_projection_up', '1 while the projector runs without error', () =>
      projector.status().error === null ? 1 : 0,
    );
    if (store instanceof SqliteEventStore) {
      metrics.gauge(
        'keyring_event_store_transactions',
        'Transactions committed by group commit since start',
        () => store.stats().transactions,
      );
      metrics.gauge(
        'keyring_event_store_appends',
        'Append requests committed since start',
        () => store.stats().acceptedRequests,
      );
      metrics.gauge(
        'keyring_event_store_pending_appends',
        'Appends waiting for the next commit',
        () => store.stats().pendingAppends,
      );
    }
  }
}
