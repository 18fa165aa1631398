/**
 * Which refused token requests are recorded one by one and which are
 * counted: per (client id, source address) and window, the first
 * `recordLimit` refusals are recorded each; the rest are counted, and the
 * count leaves the table when the window ends, to be recorded as one event.
 * Unknown client ids are counted exactly like known ones, so whether a
 * request is throttled never tells whether its client exists. The table is
 * bounded: past `capacity` the oldest window leaves early, with its count.
 */

/** Refused requests counted in one window, to be recorded as one event. */
export interface CountedWindow {
  readonly clientId: string;
  readonly sourceIp: string;
  readonly reasons: Readonly<Record<string, number>>;
  readonly firstRefusedAt: number;
  readonly lastRefusedAt: number;
  /** The first counted request's id and correlation id, to find it in the logs. */
  readonly requestId: string;
  readonly correlationId: string;
}

export interface Refused {
  readonly clientId: string;
  /** The address as throttled: an IPv4 address, or an IPv6 /64 network. */
  readonly sourceIp: string;
  readonly reason: string;
  readonly at: number;
  readonly requestId: string;
  readonly correlationId: string;
}

/** `record`: record this refusal on its own; `count`: it is counted in its window's record. */
export type Admission = 'record' | 'count';

interface Window {
  readonly clientId: string;
  readonly sourceIp: string;
  readonly openedAt: number;
  recorded: number;
  counted: {
    reasons: Record<string, number>;
    firstRefusedAt: number;
    lastRefusedAt: number;
    requestId: string;
    correlationId: string;
  } | null;
}

const keyOf = (clientId: string, sourceIp: string): string => JSON.stringify([clientId, sourceIp]);

export class RefusalWindows {
  // Insertion order is opening order: a key is re-inserted when its window reopens.
  private readonly windows = new Map<string, Window>();
  private readonly closed: CountedWindow[] = [];

  constructor(
    private readonly recordLimit: number,
    private readonly windowMs: number,
    private readonly capacity: number,
  ) {}

  admit(refused: Refused): Admission {
    const key = keyOf(refused.clientId, refused.sourceIp);
    let window = this.windows.get(key);
    if (window && refused.at >= window.openedAt + this.windowMs) {
      this.close(key, window);
      window = undefined;
    }
    if (!window) {
      window = {
        clientId: refused.clientId,
        sourceIp: refused.sourceIp,
        openedAt: refused.at,
        recorded: 0,
        counted: null,
      };
      this.windows.set(key, window);
      if (this.windows.size > this.capacity) this.evictOldest();
    }
    if (window.recorded < this.recordLimit) {
      window.recorded++;
      return 'record';
    }
    if (window.counted === null) {
      window.counted = {
        reasons: {},
        firstRefusedAt: refused.at,
        lastRefusedAt: refused.at,
        requestId: refused.requestId,
        correlationId: refused.correlationId,
      };
    }
    const { counted } = window;
    counted.reasons[refused.reason] = (counted.reasons[refused.reason] ?? 0) + 1;
    counted.lastRefusedAt = Math.max(counted.lastRefusedAt, refused.at);
    return 'count';
  }

  /** Takes out every window ended by `now`, and any closed early; returns those that counted refusals. */
  closeEnded(now: number): CountedWindow[] {
    for (const [key, window] of this.windows) {
      if (now < window.openedAt + this.windowMs) break;
      this.close(key, window);
    }
    return this.closed.splice(0);
  }

  /** Takes out every window, ended or not (at shutdown). */
  closeAll(): CountedWindow[] {
    for (const [key, window] of this.windows) this.close(key, window);
    return this.closed.splice(0);
  }

  get size(): number {
    return this.windows.size;
  }

  private evictOldest(): void {
    const [key, window] = this.windows.entries().next().value as [string, Window];
    this.close(key, window);
  }

  private close(key: string, window: Window): void {
    this.windows.delete(key);
    if (window.counted === null) return;
    this.closed.push({ clientId: window.clientId, sourceIp: window.sourceIp, ...window.counted });
  }
}
