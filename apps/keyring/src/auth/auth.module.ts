import { Module } from '@nestjs/common';
import { AccessTokensModule } from '../oauth/access-tokens.module';
import { AdminBearerGuard } from './admin-bearer.guard';

@Module({
  imports: [AccessTokensModule],
  providers: [AdminBearerGuard],
  exports: [AdminBearerGuard, AccessTokensModule],
})
export class AuthModule {}
