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
import { AdminBearerGuard } from '../auth/admin-bearer.guard';
import type { CommandContext } from '../event-sourcing/command-context';
import { PageParams } from '../http/query-params';
import { RequestContext } from '../http/request-context';
import { CreateCredentialCommand, type CreatedCredential } from './create-credential.handler';
import { CreateCredentialsBatchCommand } from './create-credentials-batch.handler';
import type { CredentialView } from './credential.view';
import { DeleteSecretCommand } from './delete-secret.handler';
import { CreateCredentialDto, credentialFieldsOf } from './dto/create-credential.dto';
import { CreateCredentialsBatchDto } from './dto/create-credentials-batch.dto';
import { GenerateSecretDto } from './dto/generate-secret.dto';
import { UpdateCredentialDto } from './dto/update-credential.dto';
import { GenerateSecretCommand } from './generate-secret.handler';
import type { AuditEntry } from '../audit/audit-entry';
import type { ActiveTokenView } from '../read-models/credential-reader';
import { DEFAULT_PAGE_SIZE, type Page } from '../read-models/page-cursor';
import { CredentialHistoryQuery } from './credential-history.handler';
import { ListCredentialsParams } from './dto/list-credentials.params';
import { GetCredentialQuery } from './get-credential.handler';
import { ListActiveTokensQuery } from './list-active-tokens.handler';
import { ListCredentialsQuery } from './list-credentials.handler';
import { ClientIdPipe, SecretIdPipe } from './id-params.pipe';
import type { IssuedSecretView } from './issued-secret';
import { RevokeCredentialCommand } from './revoke-credential.handler';
import { UpdateCredentialCommand } from './update-credential.handler';

@Controller('v1/credentials')
@UseGuards(AdminBearerGuard)
export class CredentialsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  create(
    @Body() body: CreateCredentialDto,
    @RequestContext() context: CommandContext,
  ): Promise<CreatedCredential> {
    return this.commands.execute(new CreateCredentialCommand(credentialFieldsOf(body), context));
  }

  @Post('batch')
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
  list(
    @Query() params: ListCredentialsParams,
    @RequestContext() context: CommandContext,
  ): Promise<Page<CredentialView>> {
    const { limit = DEFAULT_PAGE_SIZE, ...filters } = params;
    return this.queries.execute(new ListCredentialsQuery({ ...filters, limit, reach: context.reach }));
  }

  @Get(':clientId/tokens')
  tokens(
    @Param('clientId', ClientIdPipe) clientId: string,
    @RequestContext() context: CommandContext,
  ): Promise<{ items: ActiveTokenView[] }> {
    return this.queries.execute(new ListActiveTokensQuery(clientId, context.reach));
  }

  @Get(':clientId/history')
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
  get(
    @Param('clientId', ClientIdPipe) clientId: string,
    @RequestContext() context: CommandContext,
  ): Promise<CredentialView> {
    return this.queries.execute(new GetCredentialQuery(clientId, context.reach));
  }

  @Patch(':clientId')
  update(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Body() body: UpdateCredentialDto,
    @RequestContext() context: CommandContext,
  ): Promise<CredentialView> {
    return this.commands.execute(new UpdateCredentialCommand(clientId, { ...body }, context));
  }

  @Post(':clientId/secrets')
  generateSecret(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Body() body: GenerateSecretDto,
    @RequestContext() context: CommandContext,
  ): Promise<IssuedSecretView> {
    return this.commands.execute(new GenerateSecretCommand(clientId, body.expiresInDays, context));
  }

  @Delete(':clientId/secrets/:secretId')
  @HttpCode(204)
  async deleteSecret(
    @Param('clientId', ClientIdPipe) clientId: string,
    @Param('secretId', SecretIdPipe) secretId: string,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new DeleteSecretCommand(clientId, secretId, context));
  }

  @Delete(':clientId')
  @HttpCode(204)
  async revoke(
    @Param('clientId', ClientIdPipe) clientId: string,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new RevokeCredentialCommand(clientId, undefined, context));
  }
}
