/** The credentials' REST edge: `/v1/credentials` (JSON bodies only) and `/v1/catalogue`, for admin callers. */
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RequireJsonBodyMiddleware } from '../../platform/http/content-type.middleware';
import { AuthModule } from '../../tokens/bearer/auth.module';
import { CatalogueController } from './catalogue.controller';
import { CredentialsController } from './credentials.controller';

@Module({ imports: [CqrsModule, AuthModule], controllers: [CredentialsController, CatalogueController] })
export class CredentialsRestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequireJsonBodyMiddleware).forRoutes(CredentialsController);
  }
}
