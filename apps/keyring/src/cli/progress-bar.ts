/**
 * Progress of a long CLI command on stderr, so stdout keeps only the
 * result. A terminal gets a live bar; a pipe or log file gets a plain line
 * now and then (none for a short run), never cursor codes it cannot show.
 */
import { Format, SingleBar } from 'cli-progress';
import { progressFigures } from './progress-figures';

export interface ProgressReporter {
  /** `total` may change as it becomes known; the first call starts the report. */
  update(done: number, total: number): void;
  /** Shows the work as done (with its final count) and ends the report, if it had started. */
  complete(done: number): void;
  /** Ends the report as it stands; call before printing the result. Does nothing after `complete`. */
  stop(): void;
}

/** A line in a log every so often is informative; more is noise. */
const PLAIN_LINE_INTERVAL_MS = 5000;

function terminalBar(label: string, stream: NodeJS.WriteStream, startedAt: number): ProgressReporter {
  // `{bar}` and `{percentage}` are cli-progress's own; the rest come from our figures.
  const format = `${label} [{bar}] {percentage}% | {doneCount}/{totalCount} events | {rate} events/s | {timeLeft} left`;
  const bar = new SingleBar({
    stream,
    barsize: 30,
    // Line wrapping stays on, so Ctrl-C leaves the terminal as it was; a line kept narrower
    // than the terminal never wraps, so it can still be redrawn in place.
    linewrap: true,
    format: (options, params, payload) =>
      Format.Formatter({ ...options, format }, params, payload).slice(0, (stream.columns || 80) - 1),
  });
  let started = false;
  const payload = (done: number, total: number) => {
    const { rate, timeLeft, ...counts } = progressFigures(done, total, Date.now() - startedAt);
    return { doneCount: counts.done, totalCount: counts.total, rate, timeLeft };
  };
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done, payload(done, total));
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, payload(done, total));
    },
    complete(done) {
      if (!started) return;
      bar.setTotal(done);
      bar.update(done, payload(done, done));
      bar.stop();
    },
    stop: () => bar.stop(),
  };
}

function plainLines(label: string, stream: NodeJS.WritableStream, startedAt: number): ProgressReporter {
  let lastLineAt = startedAt;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - lastLineAt < PLAIN_LINE_INTERVAL_MS) return;
      lastLineAt = now;
      const figures = progressFigures(done, total, now - startedAt);
      stream.write(
        `${label}: ${figures.done}/${figures.total} events (${figures.percent}%), ` +
          `${figures.rate} events/s, ${figures.timeLeft} left\n`,
      );
    },
    complete: () => undefined,
    stop: () => undefined,
  };
}

/** Starts timing now: create it right before the work it reports on. */
export function progressReporter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter {
  const startedAt = Date.now();
  return stream.isTTY ? terminalBar(label, stream, startedAt) : plainLines(label, stream, startedAt);
}
