/**
 * Keyset pagination cursors: opaque to callers, a global position to us.
 * A page ends before the cursor's position, so entries added while a caller
 * pages (always at higher positions) cause neither duplicates nor gaps.
 */
import { Refusal } from '@keyring/domain';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<Item> {
  readonly items: readonly Item[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export const encodeCursor = (position: number): string =>
  Buffer.from(JSON.stringify({ before: position })).toString('base64url');

/** The position a cursor stands for; a cursor we did not make is refused as invalid, naming the field. */
export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  try {
    const { before } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: unknown };
    if (typeof before === 'number' && Number.isSafeInteger(before) && before > 0) return before;
  } catch {
    // Falls through to the refusal below.
  }
  const message = 'cursor must be a nextCursor value from an earlier page';
  throw new Refusal('VALIDATION_FAILED', `Invalid fields: cursor (${message})`, {
    violations: [{ field: 'cursor', message }],
  });
}

/** Cuts a `limit + 1` row fetch down to a page, with the cursor of its last item when more follow. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  positionOf: (row: Row) => number,
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const more = rows.length > limit;
  return {
    items: pageRows.map(toItem),
    nextCursor: more ? encodeCursor(positionOf(pageRows[pageRows.length - 1])) : null,
  };
}
