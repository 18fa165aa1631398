/** A sleep that ends early when someone calls `wake()`; a wake with nobody asleep is kept for the next sleep. */
export class WakeSignal {
  private pending = false;
  private wakeSleeper: (() => void) | null = null;

  wake(): void {
    if (this.wakeSleeper) this.wakeSleeper();
    else this.pending = true;
  }

  sleep(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wakeSleeper = done;
    });
  }
}
