/** Prometheus metrics: the registry every part of the service records into, and `GET /metrics`. */
import { Module } from '@nestjs/common';
import { KeyringMetrics } from './keyring-metrics';
import { MetricsController } from './metrics.controller';

@Module({
  controllers: [MetricsController],
  providers: [KeyringMetrics],
  exports: [KeyringMetrics],
})
export class MetricsModule {}
