/** The audit trail: its queries, its verification and point-in-time access. */
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { EventStoreModule } from '../platform/persistence/event-store.module';
import { READ_MODEL_DATABASE, ReadModelsModule } from '../projection/read-models.module';
import { AccessAtHandler } from './point-in-time/access-at.handler';
import { PointInTimeAccess } from './point-in-time/point-in-time-access';
import { QueryAuditHandler } from './query-audit.handler';
import { VerifyAuditHandler } from './verify-audit.handler';
import { AuditVerifier } from './audit-verifier';

@Module({
  imports: [CqrsModule, EventStoreModule, ReadModelsModule],
  providers: [
    {
      provide: AuditVerifier,
      inject: [EVENT_STORE, READ_MODEL_DATABASE],
      useFactory: (store: EventStore, db: Database.Database) => new AuditVerifier(store, db),
    },
    {
      provide: PointInTimeAccess,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new PointInTimeAccess(store),
    },
    QueryAuditHandler,
    VerifyAuditHandler,
    AccessAtHandler,
  ],
})
export class AuditModule {}
