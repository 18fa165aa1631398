import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditLogReader } from '../projection/audit-log/audit-log-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { AuditEntry } from '../projection/audit-log/audit-entry';
import { QueryAuditQuery } from './query-audit.query';

@QueryHandler(QueryAuditQuery)
export class QueryAuditHandler implements IQueryHandler<QueryAuditQuery> {
  constructor(private readonly reader: AuditLogReader) {}

  async execute({ filter }: QueryAuditQuery): Promise<Page<AuditEntry>> {
    return this.reader.query(filter);
  }
}
