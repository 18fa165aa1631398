import { EventStoreTimeoutError } from '../errors';
import { withinDeadline } from './call-deadline';

/** What the adapter needs of the client's ReadStream: its records, and a way to end the gRPC call. */
export interface CancellableRead<Record> extends AsyncIterable<Record> {
  cancel(): Promise<void>;
}

/**
 * The records of one read call, within `timeoutMs` for the whole call. Leaving
 * early — a `break`, a `return`, an error, the deadline — cancels the gRPC
 * call: the client's ReadStream only destroys its Node stream, which leaves
 * the call open on the server, counted against its concurrent-call limit.
 */
export async function* boundedRead<Record>(
  read: CancellableRead<Record>,
  timeoutMs: number,
  operation: string,
): AsyncGenerator<Record> {
  const iterator = read[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  let exhausted = false;
  try {
    for (;;) {
      const next = await withinDeadline(iterator.next(), Math.max(0, deadline - Date.now()), operation).catch(
        (error: unknown) => {
          // Reported with the call's whole deadline, not what was left of it.
          throw error instanceof EventStoreTimeoutError
            ? new EventStoreTimeoutError(operation, timeoutMs)
            : error;
        },
      );
      if (next.done) {
        exhausted = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!exhausted) {
      read.cancel().catch(() => undefined);
      // Not awaited: after a deadline, `next()` may still be pending and `return()` would wait behind it.
      iterator.return?.()?.catch(() => undefined);
    }
  }
}
