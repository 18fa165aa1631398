/**
 * SIGTERM and SIGINT stop the service gracefully (`GracefulShutdown`), and
 * the process then exits 0: an orchestrator reads any other status as a
 * crash. A second signal while stopping is only logged; SIGKILL stops at once.
 */
import { type INestApplication, Logger } from '@nestjs/common';
import { GracefulShutdown } from './graceful-shutdown';

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

export function stopOnSignals(app: INestApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} received while stopping; still finishing (SIGKILL stops at once)`);
      return;
    }
    stopping = true;
    void app
      .get(GracefulShutdown)
      .stop(() => app.close(), timeoutMs, signal)
      .then(
        ({ closed }) => process.exit(closed ? 0 : 1),
        (error: unknown) => {
          logger.error({ err: error }, 'Stopping failed');
          process.exit(1);
        },
      );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}
