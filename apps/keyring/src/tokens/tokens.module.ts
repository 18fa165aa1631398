/** Tokens: issuing (the client_credentials grant), client authentication and the scope catalogue. */
import { Module } from '@nestjs/common';
import { CredentialStoreModule } from '../credential-store/credential-store.module';
import { SecretsModule } from '../credential-store/secrets/secrets.module';
import { ClockModule } from '../platform/clock/clock.module';
import { MetricsModule } from '../platform/metrics/metrics.module';
import { ReadModelsModule } from '../projection/read-models.module';
import { AccessTokensModule } from './access-tokens.module';
import { ClientAuthenticator } from './client-authenticator';
import { ScopeCatalogue } from './scope-catalogue';
import { TokenIssuer } from './token-issuer';
import { RefusalRecorder } from './throttling/refusal-recorder';
import { TokenRequestThrottle } from './throttling/token-request-throttle';

@Module({
  imports: [
    CredentialStoreModule,
    SecretsModule,
    AccessTokensModule,
    ClockModule,
    MetricsModule,
    ReadModelsModule,
  ],
  providers: [TokenIssuer, ClientAuthenticator, ScopeCatalogue, TokenRequestThrottle, RefusalRecorder],
  exports: [TokenIssuer, ClientAuthenticator, ScopeCatalogue, AccessTokensModule, CredentialStoreModule],
})
export class TokensModule {}
