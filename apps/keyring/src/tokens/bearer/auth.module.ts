import { Module } from '@nestjs/common';
import { AccessTokensModule } from '../access-tokens.module';
import { AdminBearerGuard } from './admin-bearer.guard';
import { BearerAuthenticator } from './bearer-authenticator';

@Module({
  imports: [AccessTokensModule],
  providers: [AdminBearerGuard, BearerAuthenticator],
  exports: [AdminBearerGuard, BearerAuthenticator, AccessTokensModule],
})
export class AuthModule {}
