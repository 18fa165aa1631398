/** The audit trail's gRPC edge: `credentials.v1.AuditService`, with the audit stream. */
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MetricsModule } from '../../platform/metrics/metrics.module';
import { ReadModelsModule } from '../../projection/read-models.module';
import { AuthModule } from '../../tokens/bearer/auth.module';
import { AuditServiceController } from './audit-service.controller';

@Module({
  imports: [CqrsModule, AuthModule, MetricsModule, ReadModelsModule],
  controllers: [AuditServiceController],
})
export class AuditGrpcModule {}
