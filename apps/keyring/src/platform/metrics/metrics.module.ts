/** Prometheus metrics: the registry every part of the service records into (served on the management listener). */
import { Module } from '@nestjs/common';
import { KeyringMetrics } from './keyring-metrics';

@Module({
  providers: [KeyringMetrics],
  exports: [KeyringMetrics],
})
export class MetricsModule {}
