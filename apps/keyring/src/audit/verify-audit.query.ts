import { Query } from '@nestjs/cqrs';
import type { AuditVerification } from './verify-audit-chain';

export class VerifyAuditQuery extends Query<AuditVerification> {}
