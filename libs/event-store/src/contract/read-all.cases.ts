import { NO_STREAM } from '../event-store.port';
import {
  type ContractSubject,
  collect,
  expectStrictlyIncreasing,
  newEvents,
  uniqueStream,
} from './contract-subject';

export function readAllCases(subject: ContractSubject): void {
  describe('reading every event in global order', () => {
    it('returns every appended event, in the order appended, across streams', async () => {
      const start = await subject.store.headPosition();
      const streams = [uniqueStream('global-a'), uniqueStream('global-b'), uniqueStream('global-c')];
      const appendedIds: string[] = [];
      for (let round = 0; round < 4; round++) {
        for (const stream of streams) {
          const events = newEvents(round % 2 === 0 ? 1 : 2);
          await subject.store.append(stream, events, round === 0 ? NO_STREAM : 'any');
          appendedIds.push(...events.map((event) => event.id));
        }
      }

      const all = await collect(subject.store.readAll({ after: start }));
      const ours = all.filter((event) => streams.includes(event.stream));

      expectStrictlyIncreasing(all.map((event) => event.position));
      expect(ours.map((event) => event.id)).toEqual(appendedIds);
      for (const stream of streams) {
        const revisions = ours.filter((event) => event.stream === stream).map((event) => event.revision);
        expect(revisions).toEqual([0, 1, 2, 3, 4, 5]);
      }
    });

    it('gives each event the same position in the global read as in its stream read', async () => {
      const stream = uniqueStream('same-position');
      const start = await subject.store.headPosition();
      await subject.store.append(stream, newEvents(3), NO_STREAM);

      const fromAll = (await collect(subject.store.readAll({ after: start }))).filter(
        (e) => e.stream === stream,
      );

      expect(fromAll).toEqual(await subject.store.readStream(stream));
    });

    it('starts strictly after the `after` position and stops after `limit` events', async () => {
      const stream = uniqueStream('after-limit');
      // One append is written contiguously, so no other writer's event can fall between these.
      await subject.store.append(stream, newEvents(5), NO_STREAM);
      const positions = (await subject.store.readStream(stream)).map((event) => event.position);

      const afterSecond = (await collect(subject.store.readAll({ after: positions[1] }))).filter(
        (event) => event.stream === stream,
      );
      const twoAfterSecond = await collect(subject.store.readAll({ after: positions[1], limit: 2 }));

      expect(afterSecond.map((event) => event.position)).toEqual(positions.slice(2));
      expect(twoAfterSecond.map((event) => event.position)).toEqual(positions.slice(2, 4));
    });

    it('ends where the log ended when the read was asked for', async () => {
      const stream = uniqueStream('end-as-of-call');
      const start = await subject.store.headPosition();
      await subject.store.append(stream, newEvents(2), NO_STREAM);

      const reading = subject.store.readAll({ after: start });
      await subject.store.append(stream, newEvents(2), 1);
      const read = (await collect(reading)).filter((event) => event.stream === stream);

      expect(read.map((event) => event.revision)).toEqual([0, 1]);
    });

    it('yields nothing after the head position', async () => {
      await subject.store.append(uniqueStream('past-head'), newEvents(1), NO_STREAM);
      const head = await subject.store.headPosition();

      const read = await collect(subject.store.readAll({ after: head }));

      expect(read.filter((event) => event.position <= head)).toEqual([]);
    });

    // Adapters that follow the shared log may also hear other writers' appends (see `onAppended`), so on a
    // shared server this case looks only for this instance's own; the SQLite spec checks the exact calls.
    it('tells append listeners the new head once the append has committed, until they stop listening', async () => {
      const heard: number[] = [];
      const stop = subject.store.onAppended((position) => heard.push(position));
      const stream = uniqueStream('listened');
      const first = await subject.store.append(stream, newEvents(2), NO_STREAM);
      const heardWhenAnswered = [...heard];
      await expect(subject.store.append(stream, newEvents(1), NO_STREAM)).rejects.toThrow();
      stop();
      const heardWhenStopped = heard.length;
      const late = await subject.store.append(stream, newEvents(1), first.nextExpectedRevision);
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(heardWhenAnswered).toContain(first.position);
      expect(heard.filter((position) => position === first.position)).toHaveLength(1);
      expect(heard).toHaveLength(heardWhenStopped);
      expect(heard).not.toContain(late.position);
    });
  });
}
