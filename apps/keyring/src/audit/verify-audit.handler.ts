import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { ProjectionProgress } from '../platform/progress/projection-progress';
import { AuditVerifier } from './audit-verifier';
import type { AuditVerification } from './verify-audit-chain';
import { VerifyAuditQuery } from './verify-audit.query';

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
