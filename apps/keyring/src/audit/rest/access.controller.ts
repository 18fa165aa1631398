/** REST edge of the point-in-time question: who could obtain a token for account X at instant T. */
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminBearerGuard } from '../../tokens/bearer/admin-bearer.guard';
import type { CommandContext } from '../../platform/context/command-context';
import { ApiProblemResponses } from '../../platform/http/problem-details.doc';
import { RequestContext } from '../../platform/http/request-context';
import { AccessAtQuery } from '../point-in-time/access-at.query';
import { AccessParams } from '../point-in-time/access.params';
import { AccessAtInstantDoc } from '../point-in-time/access-at-instant.doc';
import type { AccessAtInstant } from '../point-in-time/point-in-time-access';

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
    return this.queries.execute(new AccessAtQuery(params.account, new Date(params.at), context.reach));
  }
}
