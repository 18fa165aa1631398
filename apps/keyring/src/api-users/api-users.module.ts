/** Legacy API users: the command and query handlers every edge sends to through the buses. */
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CredentialStoreModule } from '../credential-store/credential-store.module';
import { ClockModule } from '../platform/clock/clock.module';
import { EventStoreModule } from '../platform/persistence/event-store.module';
import { ReadModelsModule } from '../projection/read-models.module';
import { ApiUserRunner } from './api-user-runner';
import { ApiUsersReportHandler } from './api-users-report.handler';
import { BasicVerifier } from './basic-verifier';
import { CreateApiUserHandler } from './create-api-user.handler';
import { DeleteApiUserHandler } from './delete-api-user.handler';
import { GetApiUserHandler } from './get-api-user.handler';
import { ListApiUsersHandler } from './list-api-users.handler';
import { MigrateApiUserHandler } from './migrate-api-user.handler';
import { PasswordHasher } from './password-hasher';
import { SetApiUserPasswordHandler } from './set-api-user-password.handler';
import { UpdateApiUserHandler } from './update-api-user.handler';
import { VerifyBasicHandler } from './verify-basic.handler';

@Module({
  imports: [CqrsModule, CredentialStoreModule, ClockModule, EventStoreModule, ReadModelsModule],
  providers: [
    ApiUserRunner,
    PasswordHasher,
    BasicVerifier,
    CreateApiUserHandler,
    SetApiUserPasswordHandler,
    UpdateApiUserHandler,
    DeleteApiUserHandler,
    MigrateApiUserHandler,
    VerifyBasicHandler,
    GetApiUserHandler,
    ListApiUsersHandler,
    ApiUsersReportHandler,
  ],
})
export class ApiUsersModule {}
