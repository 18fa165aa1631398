/**
 * The read side: the read-model database, the projector that fills it (with
 * its readiness check and gauges), and the readers and followers that
 * queries and streams use.
 */
import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type Database from 'better-sqlite3';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { MetricsModule } from '../platform/metrics/metrics.module';
import { EventStoreModule } from '../platform/persistence/event-store.module';
import { discardDerivedFileIfDamaged } from '../platform/persistence/derived-file-check';
import { LifecycleModule } from '../platform/lifecycle/lifecycle.module';
import { ProgressModule } from '../platform/progress/progress.module';
import { ApiUserReader } from './api-users/api-user-reader';
import { AuditFollower } from './audit-log/audit-follower';
import { AuditLogReader } from './audit-log/audit-log-reader';
import { CredentialReader } from './credentials/credential-reader';
import { ProjectionHealthIndicator } from './projection.health';
import { Projector } from './projector';
import { openReadModelDatabase } from './read-model-database';
import { StoreAndProjectionGauges } from './store-and-projection.gauges';

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

type Db = Database.Database;

@Module({
  imports: [EventStoreModule, ProgressModule, MetricsModule, TerminusModule, LifecycleModule],
  providers: [
    {
      provide: READ_MODEL_DATABASE,
      inject: [KEYRING_CONFIG],
      useFactory: (config: KeyringConfig): Db => {
        // Checked here, on the main thread, before the projector thread opens the file too.
        const file = config.readModels.sqliteFile;
        discardDerivedFileIfDamaged(file, 'The read-model and audit-log file', new Logger('ReadModels'));
        return openReadModelDatabase({ file });
      },
    },
    {
      provide: CredentialReader,
      inject: [READ_MODEL_DATABASE],
      useFactory: (db: Db) => new CredentialReader(db),
    },
    {
      provide: ApiUserReader,
      inject: [READ_MODEL_DATABASE],
      useFactory: (db: Db) => new ApiUserReader(db),
    },
    {
      provide: AuditLogReader,
      inject: [READ_MODEL_DATABASE],
      useFactory: (db: Db) => new AuditLogReader(db),
    },
    Projector,
    ProjectionHealthIndicator,
    StoreAndProjectionGauges,
    AuditFollower,
  ],
  exports: [
    READ_MODEL_DATABASE,
    CredentialReader,
    ApiUserReader,
    AuditLogReader,
    Projector,
    ProjectionHealthIndicator,
    AuditFollower,
    ProgressModule,
  ],
})
export class ReadModelsModule implements OnApplicationShutdown {
  constructor(
    private readonly projector: Projector,
    @Inject(READ_MODEL_DATABASE) private readonly db: Db,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    this.db.close();
  }
}
