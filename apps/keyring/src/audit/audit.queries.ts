/** The audit trail's queries and their handlers. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditLogReader, type AuditFilter } from '../read-models/audit-log-reader';
import type { Page } from '../read-models/page-cursor';
import type { AuditEntry } from './audit-entry';
import { AuditVerifier } from './audit-verifier';
import type { AuditVerification } from './verify-audit-chain';

export class QueryAuditQuery extends Query<Page<AuditEntry>> {
  constructor(readonly filter: AuditFilter) {
    super();
  }
}

export class VerifyAuditQuery extends Query<AuditVerification> {}

@QueryHandler(QueryAuditQuery)
export class QueryAuditHandler implements IQueryHandler<QueryAuditQuery> {
  constructor(private readonly reader: AuditLogReader) {}

  async execute({ filter }: QueryAuditQuery): Promise<Page<AuditEntry>> {
    return this.reader.query(filter);
  }
}

@QueryHandler(VerifyAuditQuery)
export class VerifyAuditHandler implements IQueryHandler<VerifyAuditQuery> {
  constructor(@Inject(AuditVerifier) private readonly verifier: AuditVerifier) {}

  execute(): Promise<AuditVerification> {
    return this.verifier.verify();
  }
}
