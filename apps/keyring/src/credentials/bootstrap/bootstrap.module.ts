import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '../../platform/persistence/event-store.module';
import { CredentialsModule } from '../credentials.module';
import { AdminBootstrapper } from './admin-bootstrapper';

@Module({
  imports: [CqrsModule, CredentialsModule, EventStoreModule],
  providers: [AdminBootstrapper],
  exports: [AdminBootstrapper],
})
export class BootstrapModule {}
