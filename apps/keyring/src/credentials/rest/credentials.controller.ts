/** REST edge of the credential commands and queries: HTTP in, commands out, views back. */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AdminBearerGuard } from '../../tokens/bearer/admin-bearer.guard';
import type { CommandContext } from '../../platform/context/command-context';
import { ApiProblemResponses } from '../../platform/http/problem-details.doc';
import { PageParams } from '../../platform/http/query-params';
import { RequestContext } from '../../platform/http/request-context';
import { CreateCredentialCommand, type CreatedCredential } from '../create-credential.command';
import { CreateCredentialsBatchCommand } from '../create-credentials-batch.command';
import type { CredentialView } from '../../projection/credentials/credential.view';
import { DeleteSecretCommand } from '../delete-secret.command';
import { CreateCredentialDto, credentialFieldsOf } from '../dto/create-credential.dto';
import { CreateCredentialsBatchDto } from '../dto/create-credentials-batch.dto';
import { GenerateSecretDto } from '../dto/generate-secret.dto';
import { UpdateCredentialDto } from '../dto/update-credential.dto';
import { GenerateSecretCommand } from '../generate-secret.command';
import type { AuditEntry } from '../../projection/audit-log/audit-entry';
import { AuditEntryPageDoc } from '../../projection/audit-log/audit-entry.doc';
import type { ActiveTokenView } from '../../projection/credentials/credential-reader';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/pagination/page-cursor';
import { CredentialHistoryQuery } from '../credential-history.query';
import { ActiveTokensDoc, CredentialPageDoc, CredentialViewDoc } from '../credential-view.doc';
import { CreatedCredentialDoc, CreatedCredentialsBatchDoc, IssuedSecretDoc } from '../issued-secret.doc';
import { ListCredentialsParams } from '../dto/list-credentials.params';
import { GetCredentialQuery } from '../get-credential.query';
import { ListActiveTokensQuery } from '../list-active-tokens.query';
import { ListCredentialsQuery } from '../list-credentials.query';
import { ClientIdPipe, JtiPipe, SecretIdPipe } from './id-params.pipe';
import { RouteIdsGuard } from './route-ids.guard';
import type { IssuedSecretView } from '../issued-secret';
import { RevokeCredentialCommand } from '../revoke-credential.command';
import { RevokeCredentialTokenCommand } from '../revoke-credential-token.command';
import { DeleteSecretParams } from '../dto/delete-secret.params';
import { UpdateCredentialCommand } from '../update-credential.command';

const ClientIdParam = () => ApiParam({ name: 'clientId', format: 'uuid' });

@Controller('v1/credentials')
// The caller first, then the route's ids, and only then the body (through the pipes).
@UseGuards(AdminBearerGuard, RouteIdsGuard)
@ApiTags('credentials')
@ApiBearerAuth('bearer')
@ApiProblemResponses(401, 403)
export class CredentialsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a credential and its first secret' })
  @ApiCreatedResponse({ type: CreatedCredentialDoc })
  @ApiProblemResponses(400, 415)
  create(
    @Body() body: CreateCredentialDto,
    @RequestContext() context: CommandContext,
  ): Promise<CreatedCredential> {
    return this.commands.execute(new CreateCredentialCommand(credentialFieldsOf(body), context));
  }

  @Post('batch')
  @ApiOperation({ summary: 'Create 1–10 credentials at once: all or none' })
  @ApiCreatedResponse({ type: CreatedCredentialsBatchDoc })
  @ApiProblemResponses(400, 415)
  async createBatch(
    @Body() body: CreateCredentialsBatchDto,
    @RequestContext() context: CommandContext,
  ): Promise<{ results: CreatedCredential[] }> {
    const results = await this.commands.execute(
      new CreateCredentialsBatchCommand(body.credentials.map(credentialFieldsOf), context),
    );
    return { results };
  }

  @Get()
  @ApiOperation({ summary: 'List credentials, newest first, one page at a time' })
  @ApiOkResponse({ type: CredentialPageDoc })
  @ApiProblemResponses(400)
  list(
    @Query() params: ListCredentialsParams,
    @RequestContext() context: CommandContext,
  ): Promise<Page<CredentialView>> {
    const { limit = DEFAULT_PAGE_SIZE, ...filters } = params;
    return this.queries.execute(new ListCredentialsQuery({ ...filters, limit, reach: context.reach }));
  }

  @Get(':clientId/tokens')
  @ApiOperation({ summary: "A credential's unexpired, unrevoked access tokens" })
  @ClientIdParam()
  @ApiOkResponse({ type: ActiveTokensDoc })
  @ApiProblemResponses(404)
  tokens(
    @Param('clientId', ClientIdPipe) clientId: string,
    @RequestContext() context: CommandContext,
  ): Promise<{ items: ActiveTokenView[] }> {
    return this.queries.execute(new ListActiveTokensQuery(clientId, context.reach));
  }

  @Get(':clientId/history')
  @ApiOperation({ summary: "A credential's audit entries, newest first" })
  @ClientIdParam()
  @ApiOkResponse({ type: AuditEntryPageDoc })
  @ApiProblemResponses(400, 404)
  history(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Query() page: PageParams,
    @RequestContext() context: CommandContext,
  ): Promise<Page<AuditEntry>> {
    return this.queries.execute(
      new CredentialHistoryQuery(clientId, context.reach, page.limit ?? DEFAULT_PAGE_SIZE, page.cursor),
    );
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'One credential' })
  @ClientIdParam()
  @ApiOkResponse({ type: CredentialViewDoc })
  @ApiProblemResponses(404)
  get(
    @Param('clientId', ClientIdPipe) clientId: string,
    @RequestContext() context: CommandContext,
  ): Promise<CredentialView> {
    return this.queries.execute(new GetCredentialQuery(clientId, context.reach));
  }

  @Patch(':clientId')
  @ApiOperation({ summary: "Change a credential's fields" })
  @ClientIdParam()
  @ApiOkResponse({ type: CredentialViewDoc })
  @ApiProblemResponses(400, 404, 409, 415)
  update(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Body() body: UpdateCredentialDto,
    @RequestContext() context: CommandContext,
  ): Promise<CredentialView> {
    return this.commands.execute(new UpdateCredentialCommand(clientId, { ...body }, context));
  }

  @Post(':clientId/secrets')
  @ApiOperation({ summary: 'Generate another secret (at most two are active)' })
  @ClientIdParam()
  @ApiCreatedResponse({ type: IssuedSecretDoc })
  @ApiProblemResponses(400, 404, 409, 415)
  generateSecret(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Body() body: GenerateSecretDto,
    @RequestContext() context: CommandContext,
  ): Promise<IssuedSecretView> {
    return this.commands.execute(new GenerateSecretCommand(clientId, body.expiresInDays, context));
  }

  @Delete(':clientId/secrets/:secretId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete one of the secrets',
    description:
      'With `revokeTokens=true`, every active token issued with the secret is revoked in the same change ' +
      '(a leaked secret); without it, tokens already issued run to their expiry (routine rotation).',
  })
  @ClientIdParam()
  @ApiParam({ name: 'secretId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, 404, 409)
  async deleteSecret(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Param('secretId', SecretIdPipe) secretId: string,
    @Query() params: DeleteSecretParams,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    const revokeTokens = params.revokeTokens ?? false;
    await this.commands.execute(new DeleteSecretCommand(clientId, secretId, revokeTokens, context));
  }

  @Delete(':clientId/tokens/:jti')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke one access token by its jti',
    description:
      'A token already revoked or expired answers 204 too; one the credential never issued is 404.',
  })
  @ClientIdParam()
  @ApiParam({ name: 'jti', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Revoked, or no longer active already' })
  @ApiProblemResponses(404, 409)
  async revokeToken(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Param('jti', JtiPipe) jti: string,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new RevokeCredentialTokenCommand(clientId, jti, context));
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a credential; this cannot be undone' })
  @ClientIdParam()
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblemResponses(404, 409)
  async revoke(
    @Param('clientId', ClientIdPipe) clientId: string,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new RevokeCredentialCommand(clientId, undefined, context));
  }
}
