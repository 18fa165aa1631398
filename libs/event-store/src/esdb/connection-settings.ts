/** Settings the adapter takes from the connection string, so that one string configures the client and it. */

/** The client's own default for `defaultDeadline`. */
export const CLIENT_DEFAULT_DEADLINE_MS = 10_000;

/**
 * `defaultDeadline` (milliseconds) as the client reads it: option names are
 * matched ignoring case, `-` and `_`. The adapter applies it to the calls the
 * client leaves unbounded (reads, subscriptions' start, the version request).
 */
export function deadlineFromConnectionString(connectionString: string): number {
  const query = connectionString.split('?')[1] ?? '';
  for (const [name, value] of new URLSearchParams(query)) {
    if (name.toLowerCase().replace(/[-_]/g, '') !== 'defaultdeadline') continue;
    const deadline = Number(value);
    if (Number.isSafeInteger(deadline) && deadline > 0) return deadline;
  }
  return CLIENT_DEFAULT_DEADLINE_MS;
}
