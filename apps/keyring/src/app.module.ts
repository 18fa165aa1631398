import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { ClockModule } from './clock.module';
import { KeyringConfigModule } from './config/config.module';
import type { KeyringConfig } from './config/keyring-config';
import { CredentialsModule } from './credentials/credentials.module';
import { GrpcModule } from './grpc/grpc.module';
import { HealthModule } from './health/health.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { OAuthModule } from './oauth/oauth.module';
import { EventStoreModule } from './persistence/event-store.module';
import { ReadModelsModule } from './read-models/read-models.module';

export interface AppOptions {
  /** Where log lines go; stdout by default. */
  readonly logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: KeyringConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        KeyringConfigModule.forRoot(config),
        ClockModule,
        LoggingModule.forRoot(options.logDestination),
        MetricsModule,
        EventStoreModule,
        ReadModelsModule,
        HealthModule,
        CredentialsModule,
        AuditModule,
        AccessModule,
        OAuthModule,
        BootstrapModule,
        ...(config.grpcPort === null ? [] : [GrpcModule]),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
