import { InvalidAppendError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { type ContractSubject, collect, newEvent, newEvents, uniqueStream } from './contract-subject';

/**
 * An append whose answer was lost (AppendOutcomeUnknownError) is retried unchanged. The store must
 * recognise the retry by its event ids, so the retry is answered as the first attempt was and writes
 * nothing twice — whether or not the first attempt committed.
 */
export function retryCases(subject: ContractSubject): void {
  describe('retrying an append with the same event ids and expected revision', () => {
    it('succeeds once with the first result and writes nothing twice (no_stream)', async () => {
      const stream = uniqueStream('retry-new');
      const events = newEvents(2);

      const first = await subject.store.append(stream, events, NO_STREAM);
      const retried = await subject.store.append(stream, events, NO_STREAM);

      expect(retried).toEqual(first);
      expect((await subject.store.readStream(stream)).map((event) => event.id)).toEqual(
        events.map((event) => event.id),
      );
    });

    it('succeeds once on an existing stream, even after other writers moved it on', async () => {
      const stream = uniqueStream('retry-existing');
      await subject.store.append(stream, newEvents(1), NO_STREAM);
      const start = await subject.store.headPosition();
      const events = newEvents(2);

      const first = await subject.store.append(stream, events, 0);
      await subject.store.append(stream, newEvents(1), first.nextExpectedRevision);
      const retried = await subject.store.append(stream, events, 0);

      expect(retried).toEqual(first);
      expect((await subject.store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2, 3]);
      const logged = (await collect(subject.store.readAll({ after: start }))).filter(
        (event) => event.stream === stream,
      );
      expect(logged).toHaveLength(3);
    });

    it('is answered once when the retry races the first attempt', async () => {
      const stream = uniqueStream('retry-racing');
      const events = newEvents(3);

      const [first, retried] = await Promise.all([
        subject.store.append(stream, events, NO_STREAM),
        subject.store.append(stream, events, NO_STREAM),
      ]);

      expect(retried).toEqual(first);
      expect(await subject.store.readStream(stream)).toHaveLength(3);
    });

    it('new events with new ids at a stale revision are still a conflict', async () => {
      const stream = uniqueStream('retry-new-ids');
      await subject.store.append(stream, newEvents(1), NO_STREAM);

      await expect(subject.store.append(stream, newEvents(1), NO_STREAM)).rejects.toMatchObject({
        stream,
        expected: NO_STREAM,
        actual: 0,
      });
    });
  });

  describe('event ids', () => {
    // EventStoreDB answers a non-UUID id with a bare BadRequest; every adapter refuses it the same way first.
    it('refuses an id that is not a UUID (InvalidAppendError) and records nothing', async () => {
      const stream = uniqueStream('not-a-uuid');

      await expect(
        subject.store.append(stream, [{ ...newEvent(), id: 'event-1' }], NO_STREAM),
      ).rejects.toBeInstanceOf(InvalidAppendError);

      expect(await subject.store.readStream(stream)).toEqual([]);
    });
  });
}
