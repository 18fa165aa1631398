/** The adapter's translations, checked without a server. */
import {
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import { ANY, NO_STREAM } from '../event-store.port';
import {
  isAfter,
  isSystemEvent,
  toEsdbExpectedRevision,
  toGlobalPosition,
  toPortError,
  toReadPosition,
  toRecordedEvent,
} from './esdb-mapping';

const conflict = (expectedVersion: bigint | 'no_stream' | 'any', actualVersion: bigint | 'no_stream') =>
  new WrongExpectedVersionError(undefined, {
    streamName: 'credential-1',
    expected: expectedVersion,
    current: actualVersion,
  } as never);

describe('EventStoreDB mapping: expected revisions', () => {
  it.each([
    [NO_STREAM, ESDB_NO_STREAM],
    [ANY, ESDB_ANY],
    [0, 0n],
    [41, 41n],
  ] as const)('sends %p as %p', (expected, sent) => {
    expect(toEsdbExpectedRevision(expected)).toBe(sent);
  });
});

describe('EventStoreDB mapping: errors', () => {
  it("turns the server's wrong-expected-version into the port's conflict, with the actual revision", () => {
    const error = toPortError(conflict(3n, 5n), 'credential-1', 3);

    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ stream: 'credential-1', expected: 3, actual: 5 });
  });

  it('reports a missing stream as actual null', () => {
    expect(toPortError(conflict(2n, ESDB_NO_STREAM), 'credential-1', 2)).toMatchObject({ actual: null });
  });

  it('passes any other error through unchanged', () => {
    const unavailable = new Error('14 UNAVAILABLE: No connection established');
    expect(toPortError(unavailable, 'credential-1', ANY)).toBe(unavailable);
  });
});

describe('EventStoreDB mapping: positions', () => {
  it('uses the commit position as the global position, and resumes from it', () => {
    expect(toGlobalPosition({ commit: 123456789n, prepare: 123456700n })).toBe(123456789);
    expect(toReadPosition(123456789)).toEqual({ commit: 123456789n, prepare: 123456789n });
  });

  it('orders positions by commit, then prepare', () => {
    expect(isAfter({ commit: 10n, prepare: 5n }, { commit: 9n, prepare: 9n })).toBe(true);
    expect(isAfter({ commit: 10n, prepare: 6n }, { commit: 10n, prepare: 5n })).toBe(true);
    expect(isAfter({ commit: 10n, prepare: 5n }, { commit: 10n, prepare: 5n })).toBe(false);
    expect(isAfter({ commit: 9n, prepare: 9n }, { commit: 10n, prepare: 1n })).toBe(false);
  });

  it('leaves out system events and system streams', () => {
    expect(isSystemEvent('$metadata', 'credential-1')).toBe(true);
    expect(isSystemEvent('$>', '$ce-credential')).toBe(true);
    expect(isSystemEvent('$statsCollected', '$stats-127.0.0.1:2113')).toBe(true);
    expect(isSystemEvent('TokenIssued', 'credential-1')).toBe(false);
  });
});

describe('EventStoreDB mapping: recorded events', () => {
  it('keeps id, type, JSON data and metadata unchanged, with revision, position and time', () => {
    const created = new Date('2026-11-23T10:00:00.000Z');
    const recorded = toRecordedEvent(
      {
        streamId: 'credential-7',
        id: '1b0f7f58-1f2a-4a8f-9b59-4b1b8a0b2c3d',
        isJson: true,
        revision: 4n,
        type: 'TokenIssued',
        created,
        data: { jti: 'j', scope: ['a'] },
        metadata: { actor: { type: 'client', id: 'c' }, requestId: 'r' },
        position: { commit: 99n, prepare: 99n },
      },
      99,
    );

    expect(recorded).toEqual({
      id: '1b0f7f58-1f2a-4a8f-9b59-4b1b8a0b2c3d',
      type: 'TokenIssued',
      data: { jti: 'j', scope: ['a'] },
      metadata: { actor: { type: 'client', id: 'c' }, requestId: 'r' },
      stream: 'credential-7',
      revision: 4,
      position: 99,
      recordedAt: '2026-11-23T10:00:00.000Z',
    });
  });
});
