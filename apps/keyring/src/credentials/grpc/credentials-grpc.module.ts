/** The credentials' gRPC edge: `credentials.v1.CredentialService`. */
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MetricsModule } from '../../platform/metrics/metrics.module';
import { AuthModule } from '../../tokens/bearer/auth.module';
import { CredentialServiceController } from './credential-service.controller';

@Module({ imports: [CqrsModule, AuthModule, MetricsModule], controllers: [CredentialServiceController] })
export class CredentialsGrpcModule {}
