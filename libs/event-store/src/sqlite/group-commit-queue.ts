/** What one request of a batch came to: its result, or the error that refused it alone. */
export type RequestOutcome<Result> =
  | { readonly ok: true; readonly value: Result }
  | { readonly ok: false; readonly error: Error };

/**
 * Commits every request in one synchronous call; returns one outcome per
 * request, in order. Throwing means the whole batch failed (nothing committed).
 */
export type CommitBatch<Request, Result> = (requests: readonly Request[]) => RequestOutcome<Result>[];

interface QueuedRequest<Request, Result> {
  readonly request: Request;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: requests made while the event loop is busy wait in a queue;
 * one `setImmediate` later they are committed together, so many appends
 * share one transaction and one fsync instead of paying one each.
 * Batches are capped so a flood cannot stall the event loop for long;
 * between batches the loop gets a turn (I/O, timers) before the next flush.
 */
export class GroupCommitQueue<Request, Result> {
  private readonly queued: QueuedRequest<Request, Result>[] = [];
  private flushScheduled = false;

  constructor(
    private readonly commitBatch: CommitBatch<Request, Result>,
    private readonly maxBatchSize: number,
  ) {
    if (!Number.isSafeInteger(maxBatchSize) || maxBatchSize < 1) {
      throw new RangeError(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
    }
  }

  get pendingCount(): number {
    return this.queued.length;
  }

  enqueue(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queued.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Commits everything queued right now, batch after batch, without waiting for the event loop. */
  drain(): void {
    while (this.queued.length > 0) this.flushOneBatch();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushOneBatch();
      if (this.queued.length > 0) this.scheduleFlush();
    });
  }

  private flushOneBatch(): void {
    const batch = this.queued.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    let outcomes: RequestOutcome<Result>[];
    try {
      outcomes = this.commitBatch(batch.map((queued) => queued.request));
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }
}
