import { EventStoreTimeoutError } from '../errors';

/**
 * Settles as `work` does, or rejects with EventStoreTimeoutError after `timeoutMs`, calling `onTimeout`
 * first so the call is cancelled on the wire. Needed because client 6.2.1 sends reads and subscriptions
 * with an infinite gRPC deadline, whatever the `deadline` option says.
 */
export function withinDeadline<T>(
  work: Promise<T>,
  timeoutMs: number,
  operation: string,
  onTimeout: () => void = () => undefined,
): Promise<T> {
  // The loser of the race may still settle; a late rejection must not become an unhandled one.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        onTimeout();
      } finally {
        reject(new EventStoreTimeoutError(operation, timeoutMs));
      }
    }, timeoutMs);
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}
