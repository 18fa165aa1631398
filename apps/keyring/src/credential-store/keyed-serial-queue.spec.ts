import { KeyedSerialQueue } from './keyed-serial-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedSerialQueue', () => {
  it('runs tasks for one key one at a time, in arrival order', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((name) => queue.run('k', task(name))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs tasks for different keys concurrently', async () => {
    const queue = new KeyedSerialQueue();
    let release!: () => void;
    const blocked = queue.run('one', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(queue.run('two', async () => 'done')).resolves.toBe('done');
    release();
    await blocked;
  });

  it('keeps going after a task fails, and passes the failure to its caller only', async () => {
    const queue = new KeyedSerialQueue();
    const failing = queue.run('k', async () => {
      throw new Error('boom');
    });
    const next = queue.run('k', async () => 'after');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });

  it('forgets a key once its work is done', async () => {
    const queue = new KeyedSerialQueue();
    await queue.run('k', async () => 1);
    await tick();
    expect(queue.activeKeys).toBe(0);
  });
});
