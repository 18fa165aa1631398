import { ANY, NO_STREAM } from '../event-store.port';
import {
  type ContractSubject,
  expectWrongExpectedRevision,
  newEvents,
  uniqueStream,
} from './contract-subject';

export function expectedRevisionCases(subject: ContractSubject): void {
  describe('optimistic concurrency: the expected revision', () => {
    /** A stream holding three events: revisions 0, 1 and 2. */
    async function streamAtRevisionTwo(label: string): Promise<string> {
      const stream = uniqueStream(label);
      await subject.store.append(stream, newEvents(3), NO_STREAM);
      return stream;
    }

    it('no_stream creates a stream that does not exist yet', async () => {
      const stream = uniqueStream('no-stream-new');

      await expect(subject.store.append(stream, newEvents(1), NO_STREAM)).resolves.toMatchObject({
        nextExpectedRevision: 0,
      });
    });

    it('no_stream on an existing stream is refused, reporting the actual revision', async () => {
      const stream = await streamAtRevisionTwo('no-stream-existing');

      await expectWrongExpectedRevision(subject.store.append(stream, newEvents(1), NO_STREAM), {
        stream,
        expected: NO_STREAM,
        actual: 2,
      });
    });

    it('the exact current revision is accepted', async () => {
      const stream = await streamAtRevisionTwo('exact');

      await expect(subject.store.append(stream, newEvents(2), 2)).resolves.toMatchObject({
        nextExpectedRevision: 4,
      });
    });

    it('a stale revision is refused', async () => {
      const stream = await streamAtRevisionTwo('stale');

      await expectWrongExpectedRevision(subject.store.append(stream, newEvents(1), 1), {
        stream,
        expected: 1,
        actual: 2,
      });
    });

    it('a revision the stream has not reached is refused', async () => {
      const stream = await streamAtRevisionTwo('future');

      await expectWrongExpectedRevision(subject.store.append(stream, newEvents(1), 7), {
        stream,
        expected: 7,
        actual: 2,
      });
    });

    it('an exact revision on a stream that does not exist is refused, reporting no actual revision', async () => {
      const stream = uniqueStream('exact-missing');

      await expectWrongExpectedRevision(subject.store.append(stream, newEvents(1), 0), {
        stream,
        expected: 0,
        actual: null,
      });
      expect(await subject.store.readStream(stream)).toEqual([]);
    });

    it('any appends whatever the stream’s state, new or existing', async () => {
      const fresh = uniqueStream('any-new');
      const existing = await streamAtRevisionTwo('any-existing');

      await expect(subject.store.append(fresh, newEvents(1), ANY)).resolves.toMatchObject({
        nextExpectedRevision: 0,
      });
      await expect(subject.store.append(existing, newEvents(1), ANY)).resolves.toMatchObject({
        nextExpectedRevision: 3,
      });
    });

    it('a refused append records nothing: the stream is exactly as before', async () => {
      const stream = await streamAtRevisionTwo('refused-records-nothing');
      const before = await subject.store.readStream(stream);

      await subject.store.append(stream, newEvents(3), 0).catch(() => undefined);

      expect(await subject.store.readStream(stream)).toEqual(before);
      await expect(subject.store.append(stream, newEvents(1), 2)).resolves.toMatchObject({
        nextExpectedRevision: 3,
      });
    });
  });
}
