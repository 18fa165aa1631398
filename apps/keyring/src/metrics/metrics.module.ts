/** Prometheus metrics: the registry every part of the service records into, and `GET /metrics`. Global, so edges can record. */
import { Global, Module } from '@nestjs/common';
import { KeyringMetrics } from './keyring-metrics';
import { MetricsController } from './metrics.controller';
import { StoreAndProjectionGauges } from './store-and-projection.gauges';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [KeyringMetrics, StoreAndProjectionGauges],
  exports: [KeyringMetrics],
})
export class MetricsModule {}
