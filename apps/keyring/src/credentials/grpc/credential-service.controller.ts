/** gRPC edge of the credential commands and queries: credentials.v1.CredentialService over the same buses as REST. */
import { Controller } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { CreateCredentialCommand } from '../create-credential.command';
import { CreateCredentialsBatchCommand } from '../create-credentials-batch.command';
import { DeleteSecretCommand } from '../delete-secret.command';
import { CreateCredentialDto, credentialFieldsOf } from '../dto/create-credential.dto';
import { CreateCredentialsBatchDto } from '../dto/create-credentials-batch.dto';
import { GenerateSecretDto } from '../dto/generate-secret.dto';
import { ListCredentialsParams } from '../dto/list-credentials.params';
import { UpdateCredentialDto } from '../dto/update-credential.dto';
import { GenerateSecretCommand } from '../generate-secret.command';
import { GetCredentialQuery } from '../get-credential.query';
import { ListActiveTokensQuery } from '../list-active-tokens.query';
import { ListCredentialsQuery } from '../list-credentials.query';
import { RevokeCredentialCommand } from '../revoke-credential.command';
import { RevokeCredentialTokenCommand } from '../revoke-credential-token.command';
import { UpdateCredentialCommand } from '../update-credential.command';
import type { CommandContext } from '../../platform/context/command-context';
import { DEFAULT_PAGE_SIZE } from '../../platform/pagination/page-cursor';
import {
  type CredentialFieldsMessage,
  createdMessage,
  createFieldsPlain,
  credentialMessage,
  issuedSecretMessage,
  listMessage,
  type ListRequestMessage,
  listParamsPlain,
  tokensMessage,
  type UpdateRequestMessage,
  updateChangesPlain,
} from './credential-messages';
import { CallContext } from '../../platform/grpc/grpc-call-context.decorator';
import { GrpcEdge } from '../../platform/grpc/grpc-edge.decorator';
import { GrpcBearerGuard } from '../../tokens/bearer/grpc-bearer.guard';
import { validated } from '../../platform/grpc/grpc-request-validation';
import { clientIdOf, jtiOf, secretIdOf } from '../../platform/grpc/request-ids';

const SERVICE = 'CredentialService';

interface ClientIdRequest {
  readonly clientId: string;
}

@Controller()
@GrpcEdge(GrpcBearerGuard)
export class CredentialServiceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @GrpcMethod(SERVICE, 'Create')
  async create(
    @Payload() request: { credential: CredentialFieldsMessage | null },
    @CallContext() context: CommandContext,
  ) {
    const fields = validated(
      CreateCredentialDto,
      createFieldsPlain(request.credential ?? emptyFields),
      'credential',
    );
    return createdMessage(
      await this.commands.execute(new CreateCredentialCommand(credentialFieldsOf(fields), context)),
    );
  }

  @GrpcMethod(SERVICE, 'CreateBatch')
  async createBatch(
    @Payload() request: { credentials: CredentialFieldsMessage[] },
    @CallContext() context: CommandContext,
  ) {
    const batch = validated(CreateCredentialsBatchDto, {
      credentials: request.credentials.map(createFieldsPlain),
    });
    const results = await this.commands.execute(
      new CreateCredentialsBatchCommand(batch.credentials.map(credentialFieldsOf), context),
    );
    return { results: results.map(createdMessage) };
  }

  @GrpcMethod(SERVICE, 'Get')
  async get(@Payload() request: ClientIdRequest, @CallContext() context: CommandContext) {
    const view = await this.queries.execute(
      new GetCredentialQuery(clientIdOf(request.clientId), context.reach),
    );
    return credentialMessage(view);
  }

  @GrpcMethod(SERVICE, 'List')
  async list(@Payload() request: ListRequestMessage, @CallContext() context: CommandContext) {
    const { limit = DEFAULT_PAGE_SIZE, ...filters } = validated(
      ListCredentialsParams,
      listParamsPlain(request),
    );
    return listMessage(
      await this.queries.execute(new ListCredentialsQuery({ ...filters, limit, reach: context.reach })),
    );
  }

  @GrpcMethod(SERVICE, 'Update')
  async update(@Payload() request: UpdateRequestMessage, @CallContext() context: CommandContext) {
    const clientId = clientIdOf(request.clientId);
    const changes = validated(UpdateCredentialDto, updateChangesPlain(request));
    const view = await this.commands.execute(new UpdateCredentialCommand(clientId, { ...changes }, context));
    return credentialMessage(view);
  }

  @GrpcMethod(SERVICE, 'GenerateSecret')
  async generateSecret(
    @Payload() request: { clientId: string; expiresInDays?: number },
    @CallContext() context: CommandContext,
  ) {
    const clientId = clientIdOf(request.clientId);
    const { expiresInDays } = validated(GenerateSecretDto, { expiresInDays: request.expiresInDays });
    const secret = await this.commands.execute(new GenerateSecretCommand(clientId, expiresInDays, context));
    return issuedSecretMessage(secret);
  }

  @GrpcMethod(SERVICE, 'DeleteSecret')
  async deleteSecret(
    @Payload() request: { clientId: string; secretId: string; revokeTokens: boolean },
    @CallContext() context: CommandContext,
  ) {
    const clientId = clientIdOf(request.clientId);
    const secretId = secretIdOf(request.secretId);
    await this.commands.execute(
      new DeleteSecretCommand(clientId, secretId, request.revokeTokens === true, context),
    );
    return {};
  }

  @GrpcMethod(SERVICE, 'Revoke')
  async revoke(@Payload() request: ClientIdRequest, @CallContext() context: CommandContext) {
    await this.commands.execute(
      new RevokeCredentialCommand(clientIdOf(request.clientId), undefined, context),
    );
    return {};
  }

  @GrpcMethod(SERVICE, 'RevokeCredentialToken')
  async revokeCredentialToken(
    @Payload() request: { clientId: string; jti: string },
    @CallContext() context: CommandContext,
  ) {
    const clientId = clientIdOf(request.clientId);
    await this.commands.execute(new RevokeCredentialTokenCommand(clientId, jtiOf(request.jti), context));
    return {};
  }

  @GrpcMethod(SERVICE, 'ListTokens')
  async listTokens(@Payload() request: ClientIdRequest, @CallContext() context: CommandContext) {
    const tokens = await this.queries.execute(
      new ListActiveTokensQuery(clientIdOf(request.clientId), context.reach),
    );
    return tokensMessage(tokens);
  }
}

const emptyFields: CredentialFieldsMessage = {
  name: '',
  description: '',
  environment: 'ENVIRONMENT_UNSPECIFIED',
  accounts: [],
  roles: [],
  apis: [],
  allowedIps: [],
};
