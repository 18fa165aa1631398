/** The OAuth 2.0 endpoints Nest serves (introspection, revocation, discovery) and their error dialect. */
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { TokensModule } from '../tokens.module';
import { DiscoveryController } from './discovery.controller';
import { IntrospectionController } from './introspection.controller';
import { OAuthErrorDialect } from './oauth-error-dialect';
import { RequireFormBodyMiddleware } from './require-form-body.middleware';
import { RevocationController } from './revocation.controller';

@Module({
  imports: [TokensModule],
  controllers: [IntrospectionController, RevocationController, DiscoveryController],
  providers: [OAuthErrorDialect],
  exports: [OAuthErrorDialect],
})
export class TokensRestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequireFormBodyMiddleware).forRoutes(IntrospectionController, RevocationController);
  }
}
