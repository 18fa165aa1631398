import { ProjectionProgress } from './projection-progress';
import { WakeSignal } from './wake-signal';

describe('waiting for the read models to reach a position', () => {
  it('answers at once for a position already reached', async () => {
    const progress = new ProjectionProgress();
    progress.update(10);

    await expect(progress.waitFor(10, 1000)).resolves.toBe(true);
  });

  it('releases each waiter when the projection passes its position, and only then', async () => {
    const progress = new ProjectionProgress();
    const released: number[] = [];
    const waits = [12, 15, 20].map((position) =>
      progress.waitFor(position, 5000).then((reached) => reached && released.push(position)),
    );

    progress.update(16);
    await Promise.resolve();
    expect(released).toEqual([12, 15]);

    progress.update(20);
    await Promise.all(waits);
    expect(released).toEqual([12, 15, 20]);
  });

  it('gives up after the bound, answering false', async () => {
    const progress = new ProjectionProgress();

    await expect(progress.waitFor(5, 20)).resolves.toBe(false);
  });

  it('lets every waiter go on shutdown', async () => {
    const progress = new ProjectionProgress();
    const waiting = progress.waitFor(5, 60_000);

    progress.releaseAll();

    await expect(waiting).resolves.toBe(false);
  });
});

describe('the projector wake-up signal', () => {
  it('ends a sleep early when woken', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const sleeping = signal.sleep(60_000);

    signal.wake();
    await sleeping;

    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps a wake that came while nobody slept, so an append just before sleeping is not missed', async () => {
    const signal = new WakeSignal();
    signal.wake();

    await expect(
      Promise.race([
        signal.sleep(60_000).then(() => 'woken'),
        new Promise((r) => setTimeout(() => r('slept'), 500)),
      ]),
    ).resolves.toBe('woken');
  });
});
