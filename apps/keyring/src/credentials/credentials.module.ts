/** Credentials: the command and query handlers every edge sends to through the buses. */
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ClockModule } from '../platform/clock/clock.module';
import { ReadModelsModule } from '../projection/read-models.module';
import { CredentialStoreModule } from '../credential-store/credential-store.module';
import { SecretsModule } from '../credential-store/secrets/secrets.module';
import { CreateCredentialHandler } from './create-credential.handler';
import { CreateCredentialsBatchHandler } from './create-credentials-batch.handler';
import { DeleteSecretHandler } from './delete-secret.handler';
import { GenerateSecretHandler } from './generate-secret.handler';
import { CredentialHistoryHandler } from './credential-history.handler';
import { GetCatalogueHandler } from './get-catalogue.handler';
import { GetCredentialHandler } from './get-credential.handler';
import { ListActiveTokensHandler } from './list-active-tokens.handler';
import { ListCredentialsHandler } from './list-credentials.handler';
import { RevokeCredentialHandler } from './revoke-credential.handler';
import { RevokeCredentialTokenHandler } from './revoke-credential-token.handler';
import { UpdateCredentialHandler } from './update-credential.handler';

@Module({
  imports: [CqrsModule, SecretsModule, CredentialStoreModule, ClockModule, ReadModelsModule],
  providers: [
    CreateCredentialHandler,
    CreateCredentialsBatchHandler,
    UpdateCredentialHandler,
    GenerateSecretHandler,
    DeleteSecretHandler,
    RevokeCredentialHandler,
    RevokeCredentialTokenHandler,
    GetCredentialHandler,
    ListCredentialsHandler,
    ListActiveTokensHandler,
    CredentialHistoryHandler,
    GetCatalogueHandler,
  ],
})
export class CredentialsModule {}
