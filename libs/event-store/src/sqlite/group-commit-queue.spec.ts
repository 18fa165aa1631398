import { GroupCommitQueue, type RequestOutcome } from './group-commit-queue';

describe('group commit queue', () => {
  const succeedAll = (requests: readonly number[]): RequestOutcome<number>[] =>
    requests.map((value) => ({ ok: true, value: value * 10 }));

  it('hands requests made in the same tick to one commit, in arrival order', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommitQueue<number, number>((requests) => {
      batches.push([...requests]);
      return succeedAll(requests);
    }, 100);

    const results = await Promise.all([1, 2, 3].map((value) => queue.enqueue(value)));

    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('settles each request by its own outcome', async () => {
    const queue = new GroupCommitQueue<number, number>(
      (requests) =>
        requests.map((value) =>
          value % 2 ? { ok: true, value } : { ok: false, error: new Error(`${value}`) },
        ),
      100,
    );

    const outcomes = await Promise.allSettled([1, 2, 3].map((value) => queue.enqueue(value)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects the whole batch with the error when the commit throws', async () => {
    const failure = new Error('disk I/O error');
    const queue = new GroupCommitQueue<number, number>(() => {
      throw failure;
    }, 100);

    const outcomes = await Promise.allSettled([1, 2].map((value) => queue.enqueue(value)));

    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('lets the event loop run between capped batches', async () => {
    const events: string[] = [];
    const queue = new GroupCommitQueue<number, number>((requests) => {
      events.push(`commit ${requests.length}`);
      return succeedAll(requests);
    }, 2);

    const done = Promise.all([1, 2, 3, 4, 5].map((value) => queue.enqueue(value)));
    setImmediate(() => events.push('other work'));
    await done;

    expect(events).toEqual(['commit 2', 'other work', 'commit 2', 'commit 1']);
  });

  it('drain commits everything queued without waiting for the event loop', () => {
    const queue = new GroupCommitQueue<number, number>(succeedAll, 2);
    void Promise.all([1, 2, 3].map((value) => queue.enqueue(value)));

    queue.drain();

    expect(queue.pendingCount).toBe(0);
  });
});
