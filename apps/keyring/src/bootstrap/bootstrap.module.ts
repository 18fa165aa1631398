import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CredentialsModule } from '../credentials/credentials.module';
import { AdminBootstrapper } from './admin-bootstrapper';

@Module({
  imports: [CqrsModule, CredentialsModule],
  providers: [AdminBootstrapper],
  exports: [AdminBootstrapper],
})
export class BootstrapModule {}
