/**
 * The service as a whole: the platform (configuration, logging, metrics,
 * health, the management listener), the capabilities, each as its core module and one module
 * per edge, and the admin console's static files. Each module imports what it uses; only the configuration is global.
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AdminConsoleModule } from './admin-console/admin-console.module';
import { ApiUsersModule } from './api-users/api-users.module';
import { ApiUsersRestModule } from './api-users/rest/api-users-rest.module';
import { AuditGrpcModule } from './audit/grpc/audit-grpc.module';
import { AuditModule } from './audit/audit.module';
import { AuditRestModule } from './audit/rest/audit-rest.module';
import { BootstrapModule } from './credentials/bootstrap/bootstrap.module';
import { CredentialsModule } from './credentials/credentials.module';
import { CredentialsGrpcModule } from './credentials/grpc/credentials-grpc.module';
import { CredentialsRestModule } from './credentials/rest/credentials-rest.module';
import { KeyringConfigModule } from './platform/config/config.module';
import type { KeyringConfig } from './platform/config/keyring-config';
import type { Clock } from './platform/clock/clock';
import { GrpcModule } from './platform/grpc/grpc.module';
import { HealthModule } from './platform/health/health.module';
import { ERROR_DIALECTS } from './platform/http/error-dialects';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter';
import { LoggingModule } from './platform/logging/logging.module';
import { ManagementModule } from './platform/management/management.module';
import { MetricsModule } from './platform/metrics/metrics.module';
import { ProjectionHealthIndicator } from './projection/projection.health';
import { ReadModelsModule } from './projection/read-models.module';
import { TokensGrpcModule } from './tokens/grpc/tokens-grpc.module';
import { OAuthErrorDialect } from './tokens/rest/oauth-error-dialect';
import { TokensRestModule } from './tokens/rest/tokens-rest.module';
import { TokensModule } from './tokens/tokens.module';

export interface AppOptions {
  /** Where log lines go; stdout by default. */
  readonly logDestination?: DestinationStream;
  /** Replaces the system clock (end-to-end tests of the Basic-auth retirement). */
  readonly clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: KeyringConfig, options: AppOptions = {}): DynamicModule {
    // Ready when the event store answers and the projector runs.
    const health = HealthModule.forRoot({ imports: [ReadModelsModule], checks: [ProjectionHealthIndicator] });
    return {
      module: AppModule,
      imports: [
        KeyringConfigModule.forRoot(config, options.clock),
        LoggingModule.forRoot(options.logDestination),
        MetricsModule,
        health,
        ManagementModule.forRoot(health),
        CredentialsModule,
        ApiUsersModule,
        TokensModule,
        AuditModule,
        BootstrapModule,
        CredentialsRestModule,
        ApiUsersRestModule,
        TokensRestModule,
        AuditRestModule,
        AdminConsoleModule,
        ...(config.grpcPort === null
          ? []
          : [GrpcModule.forRoot(health), CredentialsGrpcModule, TokensGrpcModule, AuditGrpcModule]),
      ],
      providers: [
        {
          provide: ERROR_DIALECTS,
          inject: [OAuthErrorDialect],
          useFactory: (oauth: OAuthErrorDialect) => [oauth],
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
