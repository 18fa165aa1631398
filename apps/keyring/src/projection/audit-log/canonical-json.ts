/**
 * RFC 8785 (JCS) canonical JSON for the audit chain. JCS is defined so that
 * ECMAScript's own JSON.stringify already writes strings and numbers
 * canonically; what remains is object keys in UTF-16 code-unit order, which
 * rebuilding each object with sorted keys gives. One native stringify is
 * several times faster than a recursive serializer, and the projector hashes
 * every event. The spec checks it against the reference implementation.
 */
function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedKeys);
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    if (source[key] !== undefined) sorted[key] = sortedKeys(source[key]);
  }
  return sorted;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}
