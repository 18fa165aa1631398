/** How one audit entry is written in each export format. */
import type { AuditEntry } from '../projection/audit-log/audit-entry';
import { csvRow } from './csv';

export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** Every field of an entry, in the type's order; a Record so the compiler notices a field added later. */
const FIELD_ORDER: Record<keyof AuditEntry, null> = {
  position: null,
  occurredAt: null,
  action: null,
  clientId: null,
  accounts: null,
  actor: null,
  onBehalfOf: null,
  sourceIp: null,
  requestId: null,
  outcome: null,
  details: null,
  prevHash: null,
  hash: null,
};
export const AUDIT_ENTRY_FIELDS = Object.keys(FIELD_ORDER) as (keyof AuditEntry)[];

export interface AuditEntryEncoding {
  /** Written once before the first entry, even when no entry matches. */
  readonly header: string;
  line(entry: AuditEntry): string;
}

/** Fields picked by name, so an entry read with extra or reordered fields still exports the same. */
const inFieldOrder = (entry: AuditEntry): Record<string, unknown> =>
  Object.fromEntries(AUDIT_ENTRY_FIELDS.map((field) => [field, entry[field]]));

export const AUDIT_ENTRY_ENCODINGS: Record<AuditExportFormat, AuditEntryEncoding> = {
  jsonl: { header: '', line: (entry) => `${JSON.stringify(inFieldOrder(entry))}\n` },
  csv: {
    header: csvRow(AUDIT_ENTRY_FIELDS),
    line: (entry) => csvRow(AUDIT_ENTRY_FIELDS.map((field) => entry[field])),
  },
};
