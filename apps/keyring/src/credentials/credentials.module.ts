import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { EventSourcingModule } from '../event-sourcing/event-sourcing.module';
import { RequireJsonBodyMiddleware } from '../http/content-type.middleware';
import { SecretsModule } from '../secrets/secrets.module';
import { CreateCredentialHandler } from './create-credential.handler';
import { CreateCredentialsBatchHandler } from './create-credentials-batch.handler';
import { CredentialsController } from './credentials.controller';
import { DeleteSecretHandler } from './delete-secret.handler';
import { GenerateSecretHandler } from './generate-secret.handler';
import { CredentialHistoryHandler } from './credential-history.handler';
import { GetCredentialHandler } from './get-credential.handler';
import { ListActiveTokensHandler } from './list-active-tokens.handler';
import { ListCredentialsHandler } from './list-credentials.handler';
import { RevokeCredentialHandler } from './revoke-credential.handler';
import { UpdateCredentialHandler } from './update-credential.handler';

@Module({
  imports: [CqrsModule, SecretsModule, EventSourcingModule, AuthModule],
  controllers: [CredentialsController],
  providers: [
    CreateCredentialHandler,
    CreateCredentialsBatchHandler,
    UpdateCredentialHandler,
    GenerateSecretHandler,
    DeleteSecretHandler,
    RevokeCredentialHandler,
    GetCredentialHandler,
    ListCredentialsHandler,
    ListActiveTokensHandler,
    CredentialHistoryHandler,
  ],
})
export class CredentialsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequireJsonBodyMiddleware).forRoutes(CredentialsController);
  }
}
