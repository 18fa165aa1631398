/** The gRPC interface (credentials.v1): its three services, the audit follower and the health service. */
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { EventSourcingModule } from '../event-sourcing/event-sourcing.module';
import { HealthModule } from '../health/health.module';
import { OAuthModule } from '../oauth/oauth.module';
import { AuditFollower } from './audit-follower';
import { AuditServiceController } from './audit-service.controller';
import { CredentialServiceController } from './credential-service.controller';
import { GrpcCallGuard } from './grpc-call.guard';
import { GrpcHealth } from './grpc-health';
import { TokenServiceController } from './token-service.controller';

@Module({
  imports: [CqrsModule, AuthModule, EventSourcingModule, OAuthModule, HealthModule],
  controllers: [CredentialServiceController, TokenServiceController, AuditServiceController],
  providers: [GrpcCallGuard, AuditFollower, GrpcHealth],
  exports: [GrpcHealth],
})
export class GrpcModule {}
