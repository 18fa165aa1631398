/** REST edge of the audit trail: filtered pages of entries, and verification of the hash chain. */
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminBearerGuard } from '../auth/admin-bearer.guard';
import type { CommandContext } from '../event-sourcing/command-context';
import { ApiProblemResponses } from '../http/problem-details.doc';
import { RequestContext } from '../http/request-context';
import type { Page } from '../read-models/page-cursor';
import type { AuditEntry } from './audit-entry';
import { auditFilterOf, AuditQueryParams } from './audit-query.params';
import { QueryAuditQuery, VerifyAuditQuery } from './audit.queries';
import { AuditEntryPageDoc } from './docs/audit-entry.doc';
import { AuditVerificationDoc } from './docs/audit-verification.doc';
import type { AuditVerification } from './verify-audit-chain';

@Controller('v1/audit')
@UseGuards(AdminBearerGuard)
@ApiTags('audit')
@ApiBearerAuth('bearer')
@ApiProblemResponses(401, 403)
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries, newest first, filtered and one page at a time' })
  @ApiOkResponse({ type: AuditEntryPageDoc })
  @ApiProblemResponses(400)
  query(
    @Query() params: AuditQueryParams,
    @RequestContext() context: CommandContext,
  ): Promise<Page<AuditEntry>> {
    return this.queries.execute(new QueryAuditQuery(auditFilterOf(params, context.reach)));
  }

  @Get('verify')
  @ApiOperation({ summary: 'Check the stored audit log against the event store and its hash chain' })
  @ApiOkResponse({ type: AuditVerificationDoc })
  verify(): Promise<AuditVerification> {
    return this.queries.execute(new VerifyAuditQuery());
  }
}
