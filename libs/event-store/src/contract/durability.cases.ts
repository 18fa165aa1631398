import { NO_STREAM } from '../event-store.port';
import {
  type ContractSubject,
  expectWrongExpectedRevision,
  newEvents,
  uniqueStream,
} from './contract-subject';

export function durabilityCases(subject: ContractSubject): void {
  describe('durability', () => {
    const itWhenReopenable = subject.reopen ? it : it.skip;

    itWhenReopenable('a reopened store keeps every event, revision and position', async () => {
      const [first, second] = [uniqueStream('durable-1'), uniqueStream('durable-2')];
      await subject.store.append(first, newEvents(3), NO_STREAM);
      await subject.store.append(second, newEvents(1), NO_STREAM);
      const before = [await subject.store.readStream(first), await subject.store.readStream(second)];
      const headBefore = await subject.store.headPosition();

      const reopened = await subject.reopen!();

      expect([await reopened.readStream(first), await reopened.readStream(second)]).toEqual(before);
      expect(await reopened.headPosition()).toBeGreaterThanOrEqual(headBefore);
      await expectWrongExpectedRevision(reopened.append(first, newEvents(1), NO_STREAM), {
        stream: first,
        expected: NO_STREAM,
        actual: 2,
      });
      const next = await reopened.append(first, newEvents(1), 2);
      expect(next.nextExpectedRevision).toBe(3);
      expect(next.position).toBeGreaterThan(headBefore);
    });
  });
}
