import { Refusal } from '@keyring/domain';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  isAppendOutcomeUnknown,
  isStorageFull,
  type NewEvent,
} from '@keyring/event-store';

/** The store never said whether the change was recorded, even after the retries; the caller should look before retrying. */
export const appendOutcomeUnknown = (): Refusal<'APPEND_OUTCOME_UNKNOWN'> =>
  new Refusal(
    'APPEND_OUTCOME_UNKNOWN',
    'The event store did not confirm whether the change was recorded; check the result, then retry if it is missing',
    { retryAfterSeconds: 1 },
  );

/** The disk under the event store is full; nothing was recorded, and the same request succeeds once space is freed. */
export const storageFull = (): Refusal<'STORAGE_FULL'> =>
  new Refusal(
    'STORAGE_FULL',
    "The service's storage is full, so the change was not recorded (nothing of it was kept); retry later",
    { retryAfterSeconds: STORAGE_FULL_RETRY_AFTER_SECONDS },
  );

/** Freeing space takes an operator; asking again every second would only add load meanwhile. */
export const STORAGE_FULL_RETRY_AFTER_SECONDS = 10;

/** Waits before each retry: the usual cause (a leader election, a dropped connection) passes in moments. */
export const UNKNOWN_OUTCOME_RETRY_DELAYS_MS: readonly number[] = [100, 500];

/**
 * Appends, and when the store cannot say whether the append committed, sends
 * the very same append again: the same events with the same ids and the same
 * expected revision, which the store answers once and never writes twice. New
 * ids, or a reload and a new decision, could record a decision twice.
 */
export async function appendRetryingUnknownOutcome(
  store: EventStore,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  delaysMs: readonly number[] = UNKNOWN_OUTCOME_RETRY_DELAYS_MS,
): Promise<AppendResult> {
  for (let retry = 0; ; retry++) {
    try {
      return await store.append(stream, events, expected);
    } catch (error) {
      if (isStorageFull(error)) throw storageFull();
      if (!isAppendOutcomeUnknown(error)) throw error;
      if (retry >= delaysMs.length) throw appendOutcomeUnknown();
      await new Promise((resolve) => setTimeout(resolve, delaysMs[retry]));
    }
  }
}
