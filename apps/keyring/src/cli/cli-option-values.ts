/** Checks of single option values; each refusal names the option and what it accepts. */
import { ACCOUNT_ID_PATTERN } from '@keyring/domain';
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from './audit-export-formats';

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\nRun with "help" for usage.`);
    this.name = 'UsageError';
  }
}

export function required(option: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${option} is required`);
  return value;
}

/**
 * A date, or a date-time with its offset: without one, "10:00" would mean
 * the operator's local time here and UTC on the server, and the answer
 * would depend on where the command ran.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/i;

/** JavaScript rolls 2026-02-30 over into March; a calendar date that does not exist is a typo. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO-8601 instant, returned in the one stored form (UTC, milliseconds) so it compares as text. */
export function instant(option: string, value: string): string {
  const text = value.trim();
  const match = INSTANT.exec(text);
  const parsed = new Date(text);
  const [year, month, day] = (match?.slice(1, 4) ?? []).map(Number);
  if (!match || Number.isNaN(parsed.getTime()) || !isCalendarDate(year, month, day)) {
    throw new UsageError(
      `--${option} must be an ISO-8601 date or date-time with offset, e.g. 2026-01-31 or 2026-01-31T09:30:00Z (got "${value}")`,
    );
  }
  return parsed.toISOString();
}

export function account(option: string, value: string): string {
  if (!ACCOUNT_ID_PATTERN.test(value)) {
    throw new UsageError(
      `--${option} must be an account ID: 1–32 characters of A–Z, a–z, 0–9, "_" and "-" (got "${value}")`,
    );
  }
  return value;
}

export function exportFormat(value: string): AuditExportFormat {
  const format = AUDIT_EXPORT_FORMATS.find((candidate) => candidate === value.toLowerCase());
  if (!format)
    throw new UsageError(`--format must be one of ${AUDIT_EXPORT_FORMATS.join(', ')} (got "${value}")`);
  return format;
}
