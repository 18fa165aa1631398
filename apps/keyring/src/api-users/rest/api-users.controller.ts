/** REST edge of the API users: HTTP in, commands and queries out, views back. */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  type PipeTransform,
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
import { apiUserNotFound, USERNAME_PATTERN } from '@keyring/domain';
import type { CommandContext } from '../../platform/context/command-context';
import { ApiProblemResponses } from '../../platform/http/problem-details.doc';
import { normalisedInstant } from '../../platform/http/query-params';
import { RequestContext } from '../../platform/http/request-context';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/pagination/page-cursor';
import { AdminBearerGuard } from '../../tokens/bearer/admin-bearer.guard';
import {
  ApiUserDoc,
  ApiUserPageDoc,
  ApiUsersReportDoc,
  IssuedPasswordDoc,
  MigratedApiUserDoc,
} from '../api-user.doc';
import type { ApiUserView, IssuedPasswordView } from '../api-user.view';
import { type ApiUsersReport, ApiUsersReportQuery } from '../api-users-report.query';
import { CreateApiUserCommand } from '../create-api-user.command';
import { DeleteApiUserCommand } from '../delete-api-user.command';
import {
  CreateApiUserDto,
  ListApiUsersParams,
  MigrateApiUserDto,
  SetPasswordDto,
  UpdateApiUserDto,
} from '../dto/api-user.dto';
import { GetApiUserQuery } from '../get-api-user.query';
import { ListApiUsersQuery } from '../list-api-users.query';
import { MigrateApiUserCommand, type MigratedApiUser } from '../migrate-api-user.command';
import { SetApiUserPasswordCommand } from '../set-api-user-password.command';
import { UpdateApiUserCommand } from '../update-api-user.command';

/** A username no user can have is simply not found. */
class UsernamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USERNAME_PATTERN.test(value)) throw apiUserNotFound();
    return value;
  }
}

const UsernameParam = () =>
  ApiParam({ name: 'username', schema: { type: 'string', pattern: USERNAME_PATTERN.source } });

@Controller('v1/api-users')
@UseGuards(AdminBearerGuard)
@ApiTags('api-users')
@ApiBearerAuth('bearer')
@ApiProblemResponses(401, 403)
export class ApiUsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a legacy API user; its password is shown once' })
  @ApiCreatedResponse({ type: IssuedPasswordDoc })
  @ApiProblemResponses(400, 409, 415)
  create(
    @Body() body: CreateApiUserDto,
    @RequestContext() context: CommandContext,
  ): Promise<IssuedPasswordView> {
    return this.commands.execute(new CreateApiUserCommand(body, context));
  }

  @Get()
  @ApiOperation({ summary: 'List API users, newest first, one page at a time' })
  @ApiOkResponse({ type: ApiUserPageDoc })
  @ApiProblemResponses(400)
  list(
    @Query() params: ListApiUsersParams,
    @RequestContext() context: CommandContext,
  ): Promise<Page<ApiUserView>> {
    const { limit = DEFAULT_PAGE_SIZE, migrated, usedSince, ...filters } = params;
    return this.queries.execute(
      new ListApiUsersQuery({
        ...filters,
        limit,
        reach: context.reach,
        ...(migrated === undefined ? {} : { migrated: migrated === 'true' }),
        ...(usedSince === undefined ? {} : { usedSince: normalisedInstant(usedSince) }),
      }),
    );
  }

  @Get('report')
  @ApiOperation({
    summary: 'Every API user not yet migrated, its last use and the days left before retirement',
  })
  @ApiOkResponse({ type: ApiUsersReportDoc })
  report(@RequestContext() context: CommandContext): Promise<ApiUsersReport> {
    return this.queries.execute(new ApiUsersReportQuery(context.reach));
  }

  @Get(':username')
  @ApiOperation({ summary: 'One API user' })
  @UsernameParam()
  @ApiOkResponse({ type: ApiUserDoc })
  @ApiProblemResponses(404)
  get(
    @Param('username', UsernamePipe) username: string,
    @RequestContext() context: CommandContext,
  ): Promise<ApiUserView> {
    return this.queries.execute(new GetApiUserQuery(username, context.reach));
  }

  @Patch(':username')
  @ApiOperation({ summary: "Change an API user's accounts or roles, or disable or enable it" })
  @UsernameParam()
  @ApiOkResponse({ type: ApiUserDoc })
  @ApiProblemResponses(400, 404, 415)
  update(
    @Param('username', UsernamePipe) username: string,
    @Body() body: UpdateApiUserDto,
    @RequestContext() context: CommandContext,
  ): Promise<ApiUserView> {
    return this.commands.execute(new UpdateApiUserCommand(username, body, context));
  }

  @Post(':username/password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password (generated unless given); shown once' })
  @UsernameParam()
  @ApiOkResponse({ type: IssuedPasswordDoc })
  @ApiProblemResponses(400, 404, 415)
  setPassword(
    @Param('username', UsernamePipe) username: string,
    @Body() body: SetPasswordDto,
    @RequestContext() context: CommandContext,
  ): Promise<IssuedPasswordView> {
    return this.commands.execute(new SetApiUserPasswordCommand(username, body.password, context));
  }

  @Post(':username/migrate')
  @ApiOperation({
    summary:
      'Migrate an API user to a client credential with the same accounts and roles; its secret is shown once',
  })
  @UsernameParam()
  @ApiCreatedResponse({ type: MigratedApiUserDoc })
  @ApiProblemResponses(400, 404, 409, 415)
  migrate(
    @Param('username', UsernamePipe) username: string,
    @Body() body: MigrateApiUserDto,
    @RequestContext() context: CommandContext,
  ): Promise<MigratedApiUser> {
    return this.commands.execute(new MigrateApiUserCommand(username, body, context));
  }

  @Delete(':username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an API user for good; its username is never reused' })
  @UsernameParam()
  @ApiNoContentResponse()
  @ApiProblemResponses(404)
  async remove(
    @Param('username', UsernamePipe) username: string,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new DeleteApiUserCommand(username, context));
  }
}
