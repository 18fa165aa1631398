import { Query } from '@nestjs/cqrs';
import type { AuditFilter } from '../projection/audit-log/audit-log-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { AuditEntry } from '../projection/audit-log/audit-entry';

export class QueryAuditQuery extends Query<Page<AuditEntry>> {
  constructor(readonly filter: AuditFilter) {
    super();
  }
}
