/** REST edge of the point-in-time question: who could obtain a token for account X at instant T. */
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountOutOfReachError, outOfReach } from '../auth/account-reach';
import { AdminBearerGuard } from '../auth/admin-bearer.guard';
import type { CommandContext } from '../event-sourcing/command-context';
import { ApiProblemResponses } from '../http/problem-details.doc';
import { RequestContext } from '../http/request-context';
import { AccessAtQuery } from './access-at.handler';
import { AccessParams } from './access.params';
import { AccessAtInstantDoc } from './docs/access-at-instant.doc';
import type { AccessAtInstant } from './point-in-time-access';

@Controller('v1/access')
@UseGuards(AdminBearerGuard)
@ApiTags('access')
@ApiBearerAuth('bearer')
@ApiProblemResponses(401, 403)
export class AccessController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Which credentials could obtain a token for an account at an instant',
    description: 'Replays the whole event store: a compliance question, meant to be asked rarely.',
  })
  @ApiOkResponse({ type: AccessAtInstantDoc })
  @ApiProblemResponses(400)
  accessAt(
    @Query() params: AccessParams,
    @RequestContext() context: CommandContext,
  ): Promise<AccessAtInstant> {
    const outside = outOfReach(context.reach, [params.account]);
    if (outside.length > 0) throw new AccountOutOfReachError(outside);
    return this.queries.execute(new AccessAtQuery(params.account, new Date(params.at), context.reach));
  }
}
