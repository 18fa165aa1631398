/**
 * A credential's history: its audit entries, newest first. Secret lineage
 * reads from them: generated (by whom), used (token.issued names the
 * secret), deleted (by whom); and why a credential was revoked.
 */
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuditEntry } from '../projection/audit-log/audit-entry';
import { AuditLogReader } from '../projection/audit-log/audit-log-reader';
import { CredentialReader } from '../projection/credentials/credential-reader';
import type { Page } from '../platform/pagination/page-cursor';
import { requireCredentialWithinReach } from '../credential-store/caller-reach';
import { CredentialHistoryQuery } from './credential-history.query';

@QueryHandler(CredentialHistoryQuery)
export class CredentialHistoryHandler implements IQueryHandler<CredentialHistoryQuery> {
  constructor(
    private readonly credentials: CredentialReader,
    private readonly audit: AuditLogReader,
  ) {}

  async execute({ clientId, reach, limit, cursor }: CredentialHistoryQuery): Promise<Page<AuditEntry>> {
    requireCredentialWithinReach(reach, this.credentials.accountsOf(clientId));
    return this.audit.query({ reach, clientId, limit, cursor });
  }
}
