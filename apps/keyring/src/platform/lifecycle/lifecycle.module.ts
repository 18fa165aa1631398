/** How the service stops: one GracefulShutdown for the whole application. */
import { Module } from '@nestjs/common';
import { GracefulShutdown } from './graceful-shutdown';

@Module({ providers: [GracefulShutdown], exports: [GracefulShutdown] })
export class LifecycleModule {}
