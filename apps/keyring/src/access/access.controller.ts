/** REST edge of the point-in-time question: who could obtain a token for account X at instant T. */
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AccountOutOfReachError, outOfReach } from '../auth/account-reach';
import { AdminBearerGuard } from '../auth/admin-bearer.guard';
import type { CommandContext } from '../event-sourcing/command-context';
import { RequestContext } from '../http/request-context';
import { AccessAtQuery } from './access-at.handler';
import { AccessParams } from './access.params';
import type { AccessAtInstant } from './point-in-time-access';

@Controller('v1/access')
@UseGuards(AdminBearerGuard)
export class AccessController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  accessAt(
    @Query() params: AccessParams,
    @RequestContext() context: CommandContext,
  ): Promise<AccessAtInstant> {
    const outside = outOfReach(context.reach, [params.account]);
    if (outside.length > 0) throw new AccountOutOfReachError(outside);
    return this.queries.execute(new AccessAtQuery(params.account, new Date(params.at), context.reach));
  }
}
