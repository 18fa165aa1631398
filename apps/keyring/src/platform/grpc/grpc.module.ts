/** What the gRPC server needs beside the capabilities' controllers: the standard health service. */
import { type DynamicModule, Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { GrpcHealth } from './grpc-health';

@Module({})
export class GrpcModule {
  /** `health` is the application's HealthModule, whose readiness the gRPC health service reports. */
  static forRoot(health: DynamicModule): DynamicModule {
    return {
      module: GrpcModule,
      imports: [health, LifecycleModule],
      providers: [GrpcHealth],
      exports: [GrpcHealth],
    };
  }
}
