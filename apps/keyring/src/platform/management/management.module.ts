/** The management listener: metrics and the detailed readiness report, off the public port. */
import { type DynamicModule, Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { ManagementServer } from './management-server';

@Module({})
export class ManagementModule {
  /** `health` is the application's HealthModule, whose readiness report this listener serves. */
  static forRoot(health: DynamicModule): DynamicModule {
    return {
      module: ManagementModule,
      imports: [health, MetricsModule],
      providers: [ManagementServer],
      exports: [ManagementServer],
    };
  }
}
