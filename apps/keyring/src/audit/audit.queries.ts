/** The audit trail's queries and their handlers. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { AuditLogReader, type AuditFilter } from '../projection/audit-log/audit-log-reader';
import type { Page } from '../platform/pagination/page-cursor';
import { ProjectionProgress } from '../platform/progress/projection-progress';
import type { AuditEntry } from '../projection/audit-log/audit-entry';
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
  constructor(
    @Inject(AuditVerifier) private readonly verifier: AuditVerifier,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  /** Lets the projector reach the store's head first (bounded), so the check covers every event so far. */
  async execute(): Promise<AuditVerification> {
    await this.progress.waitFor(await this.store.headPosition(), this.config.readModels.consistencyWaitMs);
    return this.verifier.verify();
  }
}
