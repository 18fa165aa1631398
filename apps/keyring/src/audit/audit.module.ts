import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { AuthModule } from '../auth/auth.module';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { AuditController } from './audit.controller';
import { QueryAuditHandler, VerifyAuditHandler } from './audit.queries';
import { AuditVerifier } from './audit-verifier';

@Module({
  imports: [CqrsModule, AuthModule],
  controllers: [AuditController],
  providers: [
    {
      provide: AuditVerifier,
      inject: [EVENT_STORE, READ_MODEL_DATABASE],
      useFactory: (store: EventStore, db: Database.Database) => new AuditVerifier(store, db),
    },
    QueryAuditHandler,
    VerifyAuditHandler,
  ],
})
export class AuditModule {}
