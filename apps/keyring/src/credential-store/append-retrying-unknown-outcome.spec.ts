import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { Refusal } from '@keyring/domain';
import {
  AppendOutcomeUnknownError,
  type EventStore,
  NO_STREAM,
  type NewEvent,
  SqliteEventStore,
  WrongExpectedRevisionError,
} from '@keyring/event-store';
import { grpcStatusOf } from '../platform/grpc/grpc-refusal';
import { problemFor } from '../platform/http/refusal-problems';
import { appendRetryingUnknownOutcome } from './append-retrying-unknown-outcome';

const event = (): NewEvent => ({ id: randomUUID(), type: 'TokenIssued', data: {}, metadata: {} });
const NO_WAIT = [0, 0];

/** The real store, whose first appends fail with an unknown outcome: after committing, or before. */
function losingAnswers(store: EventStore, failures: number, commitFirst: boolean) {
  const calls: { events: readonly NewEvent[]; expected: unknown }[] = [];
  const flaky: EventStore = Object.create(store);
  flaky.append = async (stream, events, expected) => {
    calls.push({ events, expected });
    if (calls.length > failures) return store.append(stream, events, expected);
    if (commitFirst) await store.append(stream, events, expected);
    throw new AppendOutcomeUnknownError(stream, new Error('14 UNAVAILABLE: connection dropped'));
  };
  return { flaky, calls };
}

describe('an append whose outcome is unknown is retried unchanged', () => {
  let directory: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-append-retry-'));
    store = SqliteEventStore.open({ file: path.join(directory, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('with the same events, ids and expected revision; an append that had committed is written once', async () => {
    const { flaky, calls } = losingAnswers(store, 1, true);
    const events = [event(), event()];

    const result = await appendRetryingUnknownOutcome(flaky, 'credential-1', events, NO_STREAM, NO_WAIT);

    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[1].events).toBe(events);
    expect(result).toEqual({ nextExpectedRevision: 1, position: 2 });
    expect((await store.readStream('credential-1')).map((recorded) => recorded.id)).toEqual(
      events.map(({ id }) => id),
    );
  });

  it('an append that had not committed is written by the retry', async () => {
    const { flaky } = losingAnswers(store, 2, false);

    await appendRetryingUnknownOutcome(flaky, 'credential-2', [event()], NO_STREAM, NO_WAIT);

    expect(await store.readStream('credential-2')).toHaveLength(1);
  });

  it('gives up after its retries with a refusal every edge answers as "unavailable, retry"', async () => {
    const { flaky, calls } = losingAnswers(store, 10, false);

    const refusal = await appendRetryingUnknownOutcome(
      flaky,
      'credential-3',
      [event()],
      NO_STREAM,
      NO_WAIT,
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'APPEND_OUTCOME_UNKNOWN', details: { retryAfterSeconds: 1 } });
    expect(problemFor(refusal as Refusal).body.status).toBe(503);
    expect(grpcStatusOf(refusal)).toMatchObject({ code: status.UNAVAILABLE });
    expect(calls).toHaveLength(3);
  });

  it('leaves a conflict to the caller, untried again', async () => {
    await store.append('credential-4', [event()], NO_STREAM);
    const { flaky, calls } = losingAnswers(store, 0, false);

    await expect(
      appendRetryingUnknownOutcome(flaky, 'credential-4', [event()], NO_STREAM, NO_WAIT),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(calls).toHaveLength(1);
  });
});
