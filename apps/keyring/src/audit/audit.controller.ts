/** REST edge of the audit trail: filtered pages of entries, and verification of the hash chain. */
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AdminBearerGuard } from '../auth/admin-bearer.guard';
import type { CommandContext } from '../event-sourcing/command-context';
import { RequestContext } from '../http/request-context';
import type { Page } from '../read-models/page-cursor';
import type { AuditEntry } from './audit-entry';
import { auditFilterOf, AuditQueryParams } from './audit-query.params';
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
    return this.queries.execute(new QueryAuditQuery(auditFilterOf(params, context.reach)));
  }

  @Get('verify')
  verify(): Promise<AuditVerification> {
    return this.queries.execute(new VerifyAuditQuery());
  }
}
