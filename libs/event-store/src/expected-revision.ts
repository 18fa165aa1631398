import { ANY, NO_STREAM, type ExpectedRevision, type StreamRevision } from './event-store.port';

/** Whether a stream whose last revision is `actual` (`null`: no stream) satisfies `expected`. */
export function satisfiesExpectedRevision(
  expected: ExpectedRevision,
  actual: StreamRevision | null,
): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return actual === null;
  return actual === expected;
}

export function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return value === ANY || value === NO_STREAM || (Number.isSafeInteger(value) && (value as number) >= 0);
}
