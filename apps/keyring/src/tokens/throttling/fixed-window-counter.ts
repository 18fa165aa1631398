/**
 * Counts per key in fixed windows: a key's window opens at its first count
 * and lasts `windowMs`. The table holds at most `capacity` keys; the oldest
 * windows leave first, so memory stays bounded however many keys (client
 * ids, addresses) a caller invents.
 */
interface Window {
  readonly openedAt: number;
  count: number;
}

export class FixedWindowCounter {
  // A Map keeps insertion order, and a key is re-inserted when its window reopens: oldest windows first.
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly capacity: number,
  ) {}

  /** Whole seconds until `key` is below the limit again (at least 1); null when it is below now. */
  secondsUntilBelowLimit(key: string, now: number): number | null {
    const window = this.openWindow(key, now);
    if (!window || window.count < this.limit) return null;
    return Math.max(1, Math.ceil((window.openedAt + this.windowMs - now) / 1000));
  }

  add(key: string, now: number): void {
    const window = this.openWindow(key, now);
    if (window) {
      window.count++;
      return;
    }
    this.forgetEnded(now);
    this.windows.delete(key);
    this.windows.set(key, { openedAt: now, count: 1 });
    if (this.windows.size > this.capacity) this.windows.delete(this.windows.keys().next().value as string);
  }

  get size(): number {
    return this.windows.size;
  }

  private openWindow(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    return window && now < window.openedAt + this.windowMs ? window : undefined;
  }

  private forgetEnded(now: number): void {
    for (const [key, window] of this.windows) {
      if (now < window.openedAt + this.windowMs) return;
      this.windows.delete(key);
    }
  }
}
