/**
 * Cleanup for Ctrl-C and kills, for what would otherwise outlive the
 * process (a half-written export file). Only for work that gives the event
 * loop a turn now and then: while a listener is registered, the signal
 * waits for one.
 */
const TERMINATING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs `cleanup` if the process is told to end; returns the function that cancels this. */
export function cleanUpOnTermination(cleanup: () => void): () => void {
  const release = (): void => TERMINATING_SIGNALS.forEach((signal) => process.off(signal, onSignal));
  function onSignal(signal: NodeJS.Signals): void {
    release();
    cleanup();
    // With our listener gone, the signal's default action ends the process with the usual status.
    process.kill(process.pid, signal);
  }
  TERMINATING_SIGNALS.forEach((signal) => process.on(signal, onSignal));
  return release;
}
