/** REST edge of the audit trail: filtered pages of entries, and verification of the hash chain. */
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminBearerGuard } from '../../tokens/bearer/admin-bearer.guard';
import type { CommandContext } from '../../platform/context/command-context';
import { ApiProblemResponses } from '../../platform/http/problem-details.doc';
import { RequestContext } from '../../platform/http/request-context';
import type { Page } from '../../platform/pagination/page-cursor';
import type { AuditEntry } from '../../projection/audit-log/audit-entry';
import { auditFilterOf, AuditQueryParams } from '../audit-query.params';
import { QueryAuditQuery } from '../query-audit.query';
import { VerifyAuditQuery } from '../verify-audit.query';
import { AuditEntryPageDoc } from '../../projection/audit-log/audit-entry.doc';
import { AuditVerificationDoc } from '../audit-verification.doc';
import type { AuditVerification } from '../verify-audit-chain';

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
