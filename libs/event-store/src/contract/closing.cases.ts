import { EventStoreClosedError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { type ContractSubject, newEvents, uniqueStream } from './contract-subject';

export function closingCases(subject: ContractSubject): void {
  describe('closing', () => {
    // An append in flight may already be committed: close lets it finish rather than cut it off.
    it('lets appends in flight finish before closing, then refuses new ones', async () => {
      const stream = uniqueStream('closing');

      const inFlight = subject.store.append(stream, newEvents(2), NO_STREAM);
      await subject.store.close();

      await expect(inFlight).resolves.toMatchObject({ nextExpectedRevision: 1 });
      await expect(subject.store.append(stream, newEvents(1), 1)).rejects.toBeInstanceOf(
        EventStoreClosedError,
      );
      if (subject.reopen) {
        const reopened = await subject.reopen();
        expect(await reopened.readStream(stream)).toHaveLength(2);
      }
    });
  });
}
