import { PassThrough } from 'node:stream';
import type { AuditEntry } from './audit-entry';
import { AuditFollower } from './audit-follower';
import type { AuditLogReader } from './audit-log-reader';
import { GracefulShutdown } from '../../platform/lifecycle/graceful-shutdown';
import { ProjectionProgress } from '../../platform/progress/projection-progress';

const entry = (position: number) => ({ position }) as AuditEntry;

/** A reader over a fixed log of which only `matching` positions pass the filter; it records where each read began. */
function readerOver(matching: number[]) {
  const reads: number[] = [];
  const reader = {
    entriesAfter: (after: number, _filter: unknown, limit: number) => {
      reads.push(after);
      return matching
        .filter((position) => position > after)
        .slice(0, limit)
        .map(entry);
    },
  } as unknown as AuditLogReader;
  return { reader, reads };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the audit follower', () => {
  it('moves on to the projector’s checkpoint when nothing matches, instead of reading the tail again', async () => {
    const progress = new ProjectionProgress();
    progress.update(1000);
    const { reader, reads } = readerOver([]);
    const subscription = new AuditFollower(reader, progress, new GracefulShutdown())
      .follow({ after: 0, reach: { accounts: ['*'] } }, new PassThrough({ objectMode: true }))
      .subscribe();
    await tick();
    progress.update(1001);
    await tick();
    subscription.unsubscribe();
    expect(reads).toEqual([0, 1000]);
  });

  it('ends with the refusal once access is no longer confirmed, delivering nothing read after', async () => {
    const progress = new ProjectionProgress();
    progress.update(2);
    const { reader } = readerOver([1, 2, 3]);
    let allowed = true;
    const refusal = new Error('revoked');
    const confirmAccess = () => (allowed ? Promise.resolve() : Promise.reject(refusal));
    const received: number[] = [];
    const ended = new Promise<unknown>((resolve) =>
      new AuditFollower(reader, progress, new GracefulShutdown())
        .follow(
          { after: 0, reach: { accounts: ['*'] }, confirmAccess },
          new PassThrough({ objectMode: true }),
        )
        .subscribe({ next: (delivered) => received.push(delivered.position), error: resolve }),
    );
    await tick();
    expect(received).toEqual([1, 2, 3]);
    allowed = false;
    progress.update(3);
    expect(await ended).toBe(refusal);
    expect(received).toEqual([1, 2, 3]);
  });
});
