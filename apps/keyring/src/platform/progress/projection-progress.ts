/**
 * How far the read models have got, and a way to wait for a position:
 * a command's response waits here so that the caller's next read shows
 * its change (read-your-writes).
 */
import type { GlobalPosition } from '@keyring/event-store';

interface Waiter {
  readonly position: GlobalPosition;
  readonly resolve: (reached: boolean) => void;
}

export class ProjectionProgress {
  private reachedPosition: GlobalPosition = 0;
  private waiters: Waiter[] = [];

  get position(): GlobalPosition {
    return this.reachedPosition;
  }

  /** Records the projector's checkpoint and releases everyone waiting for it. A rebuild may move it back. */
  update(position: GlobalPosition): void {
    this.reachedPosition = position;
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= position) waiter.resolve(true);
      else still.push(waiter);
    }
    this.waiters = still;
  }

  /** Resolves `true` once the read models include `position`, or `false` after `timeoutMs`. */
  waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    if (position <= this.reachedPosition) return Promise.resolve(true);
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        resolve(false);
      }, timeoutMs);
      const entry: Waiter = {
        position,
        resolve: (reached) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      this.waiters.push(entry);
    });
  }

  /** Lets go of every waiter (shutdown); they answer without the guarantee rather than hang. */
  releaseAll(): void {
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
  }
}
