import { EmptyAppendError } from '../errors';
import { NO_STREAM, type NewEvent } from '../event-store.port';
import {
  type ContractSubject,
  expectStrictlyIncreasing,
  newEvent,
  newEvents,
  uniqueStream,
} from './contract-subject';

export function appendAndReadCases(subject: ContractSubject): void {
  describe('appending and reading a stream', () => {
    it('reads an event back with its id, type, data and metadata unchanged', async () => {
      const stream = uniqueStream('round-trip');
      const event: NewEvent = {
        id: newEvent().id,
        type: 'SecretGenerated',
        data: {
          secretId: 'sec-1',
          hint: 'kr_sec_…Zx9Q',
          scopes: ['a', 'b'],
          nested: { n: 1.5, ok: true, none: null },
        },
        metadata: {
          actor: { clientId: 'admin-1' },
          requestId: 'req-1',
          occurredAt: '2026-01-02T03:04:05.000Z',
        },
      };

      await subject.store.append(stream, [event], NO_STREAM);
      const [recorded] = await subject.store.readStream(stream);

      expect(recorded).toMatchObject({ ...event, stream, revision: 0 });
      expect(new Date(recorded.recordedAt).toISOString()).toBe(recorded.recordedAt);
    });

    it('numbers revisions from 0 and gives later events strictly greater positions', async () => {
      const stream = uniqueStream('revisions');

      const first = await subject.store.append(stream, newEvents(3), NO_STREAM);
      const second = await subject.store.append(stream, newEvents(2), first.nextExpectedRevision);
      const recorded = await subject.store.readStream(stream);

      expect(recorded.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      expectStrictlyIncreasing(recorded.map((event) => event.position));
      expect(first).toEqual({ nextExpectedRevision: 2, position: recorded[2].position });
      expect(second).toEqual({ nextExpectedRevision: 4, position: recorded[4].position });
    });

    it('keeps the order of the events within one append', async () => {
      const stream = uniqueStream('order');
      const events = newEvents(5);

      await subject.store.append(stream, events, NO_STREAM);

      expect((await subject.store.readStream(stream)).map((event) => event.id)).toEqual(
        events.map((e) => e.id),
      );
    });

    it('reads a stream from a given revision', async () => {
      const stream = uniqueStream('from-revision');
      await subject.store.append(stream, newEvents(5), NO_STREAM);

      const fromTwo = await subject.store.readStream(stream, { fromRevision: 2 });
      const pastTheEnd = await subject.store.readStream(stream, { fromRevision: 5 });

      expect(fromTwo.map((event) => event.revision)).toEqual([2, 3, 4]);
      expect(pastTheEnd).toEqual([]);
    });

    it('reads a stream that was never written as empty', async () => {
      expect(await subject.store.readStream(uniqueStream('missing'))).toEqual([]);
    });

    it('keeps streams apart: one stream’s events never appear in another', async () => {
      const [left, right] = [uniqueStream('left'), uniqueStream('right')];
      await subject.store.append(left, newEvents(2), NO_STREAM);
      await subject.store.append(right, newEvents(1), NO_STREAM);

      expect((await subject.store.readStream(left)).map((event) => event.stream)).toEqual([left, left]);
      expect((await subject.store.readStream(right)).map((event) => event.revision)).toEqual([0]);
    });

    // Decision: an empty append is refused, not a no-op. It would record nothing and have no
    // revision or position to report, so it is a caller's mistake worth surfacing.
    it('refuses an append with no events (EmptyAppendError) and records nothing', async () => {
      const stream = uniqueStream('empty');

      await expect(subject.store.append(stream, [], NO_STREAM)).rejects.toBeInstanceOf(EmptyAppendError);

      expect(await subject.store.readStream(stream)).toEqual([]);
      await expect(subject.store.append(stream, newEvents(1), NO_STREAM)).resolves.toMatchObject({
        nextExpectedRevision: 0,
      });
    });

    it('reports a head position at or beyond the newest appended event', async () => {
      const before = await subject.store.headPosition();

      const appended = await subject.store.append(uniqueStream('head'), newEvents(2), NO_STREAM);
      const after = await subject.store.headPosition();

      expect(before).toBeGreaterThanOrEqual(0);
      expect(after).toBeGreaterThan(before);
      expect(after).toBeGreaterThanOrEqual(appended.position);
    });

    it('answers a ping while open', async () => {
      await expect(subject.store.ping()).resolves.toBeUndefined();
    });
  });
}
