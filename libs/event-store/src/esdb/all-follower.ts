import { type AllStreamResolvedEvent, END, type Position } from '@eventstore/db-client';
import type { GlobalPosition } from '../event-store.port';
import { isSystemEvent, toGlobalPosition } from './esdb-mapping';

/** What the adapter needs of the client's subscription: its events, and a way to end it. */
export interface AllSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}

/**
 * Subscribes to $all from `from` (END or a position), filtered on the server to application events;
 * `checkpoint` hears how far the server's filter has looked, events or not.
 */
export type SubscribeToAll = (
  from: Position | typeof END,
  checkpoint: (position: Position) => void,
) => AllSubscription;

/** Own event ids remembered until the subscription shows them; past this many, the oldest are dropped. */
const OWN_IDS_REMEMBERED = 10_000;
const MAX_RESUBSCRIBE_DELAY_MS = 30_000;

/**
 * Hears every process's appends as they reach $all, through a filtered
 * subscription, so readers wake at once instead of at their next poll. It is
 * a wake-up signal only: readers still read from their own checkpoint (a
 * subscription can drop, and resumes from its last checkpoint after a delay).
 * Events this instance appended itself are left out — their append already
 * told the listeners.
 */
export class AllFollower {
  private subscription: AllSubscription | null = null;
  private resumeFrom: Position | typeof END = END;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs: number;
  private readonly ownIds = new Set<string>();

  constructor(
    private readonly subscribe: SubscribeToAll,
    private readonly heard: (position: GlobalPosition) => void,
    private readonly firstRetryDelayMs = 1000,
  ) {
    this.retryDelayMs = firstRetryDelayMs;
  }

  get following(): boolean {
    return this.subscription !== null || this.retryTimer !== null;
  }

  start(): void {
    if (this.following) return;
    this.resumeFrom = END;
    this.follow();
  }

  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    subscription?.unsubscribe().catch(() => undefined);
  }

  /** Ids this instance is about to append: their events are not news to its listeners. */
  expectOwn(ids: readonly string[]): void {
    for (const id of ids) this.ownIds.add(id);
    for (const oldest of this.ownIds) {
      if (this.ownIds.size <= OWN_IDS_REMEMBERED) break;
      this.ownIds.delete(oldest);
    }
  }

  /** Ids of an append the server refused: they will never appear. */
  forgetOwn(ids: readonly string[]): void {
    for (const id of ids) this.ownIds.delete(id);
  }

  private follow(): void {
    const subscription = this.subscribe(this.resumeFrom, (position) => (this.resumeFrom = position));
    this.subscription = subscription;
    void this.consume(subscription);
  }

  private async consume(subscription: AllSubscription): Promise<void> {
    try {
      for await (const { event } of subscription) {
        if (this.subscription !== subscription) return;
        if (!event) continue;
        this.resumeFrom = event.position;
        this.retryDelayMs = this.firstRetryDelayMs;
        if (this.ownIds.delete(event.id) || isSystemEvent(event.type, event.streamId)) continue;
        this.heard(toGlobalPosition(event.position));
      }
    } catch {
      // Dropped (server restart, leader change): resubscribe below.
    }
    if (this.subscription !== subscription) return;
    this.subscription = null;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.follow();
    }, this.retryDelayMs);
    this.retryTimer.unref?.();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RESUBSCRIBE_DELAY_MS);
  }
}
