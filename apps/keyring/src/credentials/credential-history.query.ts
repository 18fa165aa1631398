import { Query } from '@nestjs/cqrs';
import type { AccountReach } from '@keyring/domain';
import type { Page } from '../platform/pagination/page-cursor';
import type { AuditEntry } from '../projection/audit-log/audit-entry';

export class CredentialHistoryQuery extends Query<Page<AuditEntry>> {
  constructor(
    readonly clientId: string,
    readonly reach: AccountReach,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
