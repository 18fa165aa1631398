/** The numbers a progress report shows: how many done, how fast, how long still to go. */

export interface ProgressFigures {
  readonly done: string;
  readonly total: string;
  readonly percent: number;
  /** Events per second since the start. */
  readonly rate: string;
  readonly timeLeft: string;
}

export const formatCount = (count: number): string => Math.round(count).toLocaleString('en-US');

/** "850 ms", "42 s", "3 min 05 s", "2 h 07 min": precise enough to plan a coffee. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds} s`;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${pad(Math.floor((seconds % 3600) / 60))} min`;
}

export function eventsPerSecond(done: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
}

function timeLeft(remaining: number, rate: number): string {
  if (remaining === 0) return '0 s';
  // No estimate before anything is done: it would divide by zero and show nonsense.
  return rate > 0 ? formatDuration((remaining / rate) * 1000) : 'unknown';
}

export function progressFigures(done: number, total: number, elapsedMs: number): ProgressFigures {
  const rate = eventsPerSecond(done, elapsedMs);
  const remaining = Math.max(total - done, 0);
  return {
    done: formatCount(done),
    total: formatCount(total),
    percent: total > 0 ? Math.min(Math.floor((done / total) * 100), 100) : 100,
    rate: formatCount(rate),
    timeLeft: timeLeft(remaining, rate),
  };
}
