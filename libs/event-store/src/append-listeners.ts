import type { AppendListener, GlobalPosition } from './event-store.port';

/** The listeners of `EventStore.onAppended`, shared by every adapter. */
export class AppendListeners {
  private readonly listeners = new Set<AppendListener>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  notify(position: GlobalPosition): void {
    for (const listener of this.listeners) {
      // A listener's failure is its own; it must not turn a committed append into an error.
      try {
        listener(position);
      } catch {
        /* ignored */
      }
    }
  }
}
