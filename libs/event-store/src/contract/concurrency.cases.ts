import { WrongExpectedRevisionError } from '../errors';
import { NO_STREAM, type AppendResult } from '../event-store.port';
import {
  type ContractSubject,
  collect,
  expectStrictlyIncreasing,
  newEvents,
  uniqueStream,
} from './contract-subject';

const WRITERS = 20;

export function concurrencyCases(subject: ContractSubject): void {
  describe('concurrent writers', () => {
    it(`${WRITERS} writers expecting the same revision of one stream: exactly one wins`, async () => {
      const stream = uniqueStream('contended');
      const seeded = await subject.store.append(stream, newEvents(3), NO_STREAM);
      const eventsPerWriter = 2;

      const outcomes = await Promise.allSettled(
        Array.from({ length: WRITERS }, () =>
          subject.store.append(stream, newEvents(eventsPerWriter), seeded.nextExpectedRevision),
        ),
      );

      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(WRITERS - 1);
      for (const loser of losers) {
        expect(loser).toBeInstanceOf(WrongExpectedRevisionError);
        expect(loser).toMatchObject({ stream, expected: 2, actual: 2 + eventsPerWriter });
      }
      expect(await subject.store.readStream(stream)).toHaveLength(3 + eventsPerWriter);
    });

    it(`${WRITERS} streams written at once all succeed, each event at its own position`, async () => {
      const start = await subject.store.headPosition();
      const streams = Array.from({ length: WRITERS }, (_, index) => uniqueStream(`parallel-${index}`));
      const appendsPerStream = 3;

      const results = await Promise.all(
        streams.map(async (stream) => {
          const stepResults: AppendResult[] = [];
          let expected: number | typeof NO_STREAM = NO_STREAM;
          for (let step = 0; step < appendsPerStream; step++) {
            const result = await subject.store.append(stream, newEvents(1), expected);
            stepResults.push(result);
            expected = result.nextExpectedRevision;
          }
          return stepResults;
        }),
      );

      const positions = results.flat().map((result) => result.position);
      expect(new Set(positions).size).toBe(WRITERS * appendsPerStream);
      for (const stream of streams) {
        const revisions = (await subject.store.readStream(stream)).map((event) => event.revision);
        expect(revisions).toEqual([0, 1, 2]);
      }
      const ours = new Set(streams);
      const logged = (await collect(subject.store.readAll({ after: start }))).filter((e) =>
        ours.has(e.stream),
      );
      expect(logged).toHaveLength(WRITERS * appendsPerStream);
      expectStrictlyIncreasing(logged.map((event) => event.position));
    });
  });
}
