import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { EventSourcingModule } from '../event-sourcing/event-sourcing.module';
import { SecretsModule } from '../secrets/secrets.module';
import { AccessTokensModule } from './access-tokens.module';
import { ClientAuthenticator } from './client-authenticator';
import { DiscoveryController } from './discovery.controller';
import { IntrospectionController } from './introspection.controller';
import { RequireFormBodyMiddleware } from './require-form-body.middleware';
import { RevocationController } from './revocation.controller';
import { ScopeCatalogue } from './scope-catalogue';
import { TokenIssuer } from './token-issuer';

@Module({
  imports: [EventSourcingModule, SecretsModule, AccessTokensModule],
  controllers: [IntrospectionController, RevocationController, DiscoveryController],
  providers: [TokenIssuer, ClientAuthenticator, ScopeCatalogue],
  exports: [TokenIssuer],
})
export class OAuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequireFormBodyMiddleware).forRoutes(IntrospectionController, RevocationController);
  }
}
