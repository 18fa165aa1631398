import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  isAppendOutcomeUnknown,
  type NewEvent,
} from '@keyring/event-store';

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
      if (!isAppendOutcomeUnknown(error) || retry >= delaysMs.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[retry]));
    }
  }
}
