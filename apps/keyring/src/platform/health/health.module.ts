/**
 * Liveness and readiness. The event store is always checked; the application
 * names the other parts that must be up (`checks`), from the modules that
 * provide them (`imports`), so this module knows no capability.
 */
import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { EventStoreModule } from '../persistence/event-store.module';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';
import { Readiness, READINESS_CHECKS, type ReadinessCheck } from './readiness';

export interface HealthOptions {
  readonly imports: ModuleMetadata['imports'];
  readonly checks: readonly Type<ReadinessCheck>[];
}

@Module({})
export class HealthModule {
  static forRoot({ imports = [], checks }: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      global: false,
      imports: [TerminusModule.forRoot({ logger: false }), EventStoreModule, LifecycleModule, ...imports],
      controllers: [HealthController],
      providers: [
        EventStoreHealthIndicator,
        Readiness,
        { provide: READINESS_CHECKS, inject: [...checks], useFactory: (...parts: ReadinessCheck[]) => parts },
      ],
      exports: [Readiness],
    };
  }
}
