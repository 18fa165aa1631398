/** RFC 4180 CSV rows, safe to open in a spreadsheet. */

/**
 * Spreadsheets run a cell that starts with one of these as a formula
 * (OWASP "CSV injection"); an audit entry carries text chosen by callers
 * (names, request ids, reasons), so an export opened in Excel could
 * otherwise run an attacker's formula on an auditor's machine.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Text that makes a cell need quoting: the separator, the quote, and line breaks. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: null is empty, strings and numbers as text, arrays and objects as JSON. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_TRIGGERS.has(text.charAt(0))) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
