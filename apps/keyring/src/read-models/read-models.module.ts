/**
 * The read side: the read-model database, the projector that fills it, and
 * the readers the query handlers use. Global, so that command handlers can
 * wait for their change to show (read-your-writes).
 */
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { AuditLogReader } from './audit-log-reader';
import { CredentialReader } from './credential-reader';
import { ProjectionProgress } from './projection-progress';
import { Projector } from './projector';
import { openReadModelDatabase } from './read-model-database';

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

type Db = Database.Database;

@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_DATABASE,
      inject: [KEYRING_CONFIG],
      useFactory: (config: KeyringConfig): Db =>
        openReadModelDatabase({ file: config.readModels.sqliteFile }),
    },
    {
      provide: CredentialReader,
      inject: [READ_MODEL_DATABASE],
      useFactory: (db: Db) => new CredentialReader(db),
    },
    {
      provide: AuditLogReader,
      inject: [READ_MODEL_DATABASE],
      useFactory: (db: Db) => new AuditLogReader(db),
    },
    { provide: ProjectionProgress, useFactory: () => new ProjectionProgress() },
    Projector,
  ],
  exports: [READ_MODEL_DATABASE, CredentialReader, AuditLogReader, ProjectionProgress, Projector],
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
