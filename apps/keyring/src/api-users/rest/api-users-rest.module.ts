/** The API users' REST edge: `/v1/api-users` (JSON bodies only). */
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RequireJsonBodyMiddleware } from '../../platform/http/content-type.middleware';
import { AuthModule } from '../../tokens/bearer/auth.module';
import { ApiUsersController } from './api-users.controller';
import { BasicVerificationController } from './basic-verification.controller';

@Module({ imports: [CqrsModule, AuthModule], controllers: [BasicVerificationController, ApiUsersController] })
export class ApiUsersRestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequireJsonBodyMiddleware).forRoutes(BasicVerificationController, ApiUsersController);
  }
}
