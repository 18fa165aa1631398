/** REST edge of the audit trail: filtered pages of entries, and verification of the hash chain. */
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AdminBearerGuard } from '../auth/admin-bearer.guard';
import type { CommandContext } from '../event-sourcing/command-context';
import { normalisedInstant } from '../http/query-params';
import { RequestContext } from '../http/request-context';
import { DEFAULT_PAGE_SIZE, type Page } from '../read-models/page-cursor';
import type { AuditEntry } from './audit-entry';
import { AuditQueryParams } from './audit-query.params';
import { QueryAuditQuery, VerifyAuditQuery } from './audit.queries';
import type { AuditVerification } from './verify-audit-chain';

@Controller('v1/audit')
@UseGuards(AdminBearerGuard)
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  query(
    @Query() params: AuditQueryParams,
    @RequestContext() context: CommandContext,
  ): Promise<Page<AuditEntry>> {
    const { limit = DEFAULT_PAGE_SIZE, from, to, clientId, ...filters } = params;
    return this.queries.execute(
      new QueryAuditQuery({
        ...filters,
        clientId: clientId?.toLowerCase(),
        from: normalisedInstant(from),
        to: normalisedInstant(to),
        limit,
        reach: context.reach,
      }),
    );
  }

  @Get('verify')
  verify(): Promise<AuditVerification> {
    return this.queries.execute(new VerifyAuditQuery());
  }
}
