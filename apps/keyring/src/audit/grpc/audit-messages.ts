/** The audit service's messages: entries, verification and point-in-time access as the contract spells them. */
import type { AccessAtInstant } from '../point-in-time/point-in-time-access';
import type { AuditEntry } from '../../projection/audit-log/audit-entry';
import { canonicalJson } from '../../projection/audit-log/canonical-json';
import type { AuditVerification } from '../verify-audit-chain';
import type { Page } from '../../platform/pagination/page-cursor';
import { toProtoEnum } from '../../platform/grpc/proto-enums';

export interface AuditQueryRequestMessage {
  readonly account: string;
  readonly clientId: string;
  readonly actor: string;
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly limit: number;
  readonly cursor: string;
}

/** `details_json` is the canonical JSON the entry's hash covers, so a client can re-check the hash. */
export const auditEntryMessage = (entry: AuditEntry) => ({
  ...entry,
  actor: { type: entry.actor.type, id: entry.actor.id ?? '' },
  detailsJson: canonicalJson(entry.details),
});

export const auditPageMessage = (page: Page<AuditEntry>) => ({
  items: page.items.map(auditEntryMessage),
  nextCursor: page.nextCursor ?? '',
});

export const verificationMessage = (verification: AuditVerification) => ({
  ok: verification.ok,
  checked: verification.checked,
  head: verification.head,
  firstBad: verification.firstBad ?? null,
});

export const accessMessage = (access: AccessAtInstant) => ({
  ...access,
  credentials: access.credentials.map((credential) => ({
    ...credential,
    environment: toProtoEnum(credential.environment),
  })),
});
