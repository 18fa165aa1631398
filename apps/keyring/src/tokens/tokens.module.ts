/** Tokens: issuing (the client_credentials grant) and client authentication. */
import { Module } from '@nestjs/common';
import { CredentialStoreModule } from '../credential-store/credential-store.module';
import { SecretsModule } from '../credential-store/secrets/secrets.module';
import { ClockModule } from '../platform/clock/clock.module';
import { MetricsModule } from '../platform/metrics/metrics.module';
import { AccessTokensModule } from './access-tokens.module';
import { ClientAuthenticator } from './client-authenticator';
import { TokenIssuer } from './token-issuer';
import { RefusalRecorder } from './throttling/refusal-recorder';
import { TokenRequestThrottle } from './throttling/token-request-throttle';

@Module({
  imports: [CredentialStoreModule, SecretsModule, AccessTokensModule, ClockModule, MetricsModule],
  providers: [TokenIssuer, ClientAuthenticator, TokenRequestThrottle, RefusalRecorder],
  exports: [TokenIssuer, ClientAuthenticator, AccessTokensModule, CredentialStoreModule],
})
export class TokensModule {}
