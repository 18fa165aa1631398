/**
 * Streams audit entries, oldest first, into an export file. Rows are read
 * in chunks and written with backpressure, so memory stays flat however
 * long the log is.
 */
import { setImmediate } from 'node:timers/promises';
import type { AuditEntry } from '../projection/audit-log/audit-entry';
import { type AuditRow, auditEntryFromRow } from '../projection/audit-log/audit-log-reader';
import { AUDIT_ENTRY_ENCODINGS, type AuditExportFormat } from './audit-export-formats';
import { writeFileAtomically } from './atomic-file';

export interface AuditExportFilter {
  /** Entries that occurred at or after this instant (ISO-8601, as stored). */
  readonly from?: string;
  /** Entries that occurred before this instant. */
  readonly to?: string;
  /** Entries concerning this account. */
  readonly account?: string;
}

export interface AuditExportRequest extends AuditExportFilter {
  readonly format: AuditExportFormat;
  readonly out: string;
}

/** Writes are gathered to about this size: one write per line would cost more than the encoding. */
const WRITE_SIZE = 64 * 1024;
/** Rows between progress reports and pauses for the event loop. */
const PROGRESS_EVERY = 1000;

/** Stored times are ISO-8601 UTC of one length, so text order is time order (as in the REST filter). */
function occurredInRange(row: AuditRow, filter: AuditExportFilter): boolean {
  return (
    (filter.from === undefined || row.occurred_at >= filter.from) &&
    (filter.to === undefined || row.occurred_at < filter.to)
  );
}

const concernsAccount = (entry: AuditEntry, account: string | undefined): boolean =>
  account === undefined || entry.accounts.includes(account);

/** Writes the matching entries to `request.out` and returns how many. */
export function exportAuditLog(
  rows: Iterable<AuditRow>,
  request: AuditExportRequest,
  onProgress?: (position: number) => void,
): Promise<number> {
  const encoding = AUDIT_ENTRY_ENCODINGS[request.format];
  return writeFileAtomically(request.out, async (write) => {
    let pending = encoding.header;
    let written = 0;
    let read = 0;
    for (const row of rows) {
      if (++read % PROGRESS_EVERY === 0) {
        onProgress?.(row.position);
        // Rows are read synchronously: a pause lets Ctrl-C be handled even when no row matches the filter.
        await setImmediate();
      }
      if (!occurredInRange(row, request)) continue;
      const entry = auditEntryFromRow(row);
      if (!concernsAccount(entry, request.account)) continue;
      pending += encoding.line(entry);
      written++;
      if (pending.length >= WRITE_SIZE) {
        await write(pending);
        pending = '';
      }
    }
    if (pending !== '') await write(pending);
    return written;
  });
}
