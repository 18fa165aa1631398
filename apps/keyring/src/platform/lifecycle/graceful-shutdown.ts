/**
 * Stopping on SIGTERM without cutting anyone off: readiness turns
 * not-ready at once, listeners stop accepting, what was received is
 * answered (HTTP keep-alive connections are told to close; gRPC streams end
 * with UNAVAILABLE through `signal`), then the application closes (its
 * shutdown hooks: the projector's last batch and checkpoint, flushes, the
 * stores). Everything within one deadline, past which connections are cut
 * and the process still ends.
 */
import type { Server } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { Refusal } from '@keyring/domain';
import { HttpDrain } from './http-drain';

/** The parts of a grpc-js Server that stopping uses. */
export interface StoppableGrpcServer {
  tryShutdown(callback: (error?: Error) => void): void;
  forceShutdown(): void;
}

export interface StopOutcome {
  /** The application closed (its hooks ran, its stores closed). */
  readonly closed: boolean;
  /** Connections or calls had to be cut at the deadline. */
  readonly forced: boolean;
  readonly elapsedMs: number;
}

/** After the deadline, closing the application (stores, projector) gets this much longer before giving up. */
const CLOSE_GRACE_AFTER_DEADLINE_MS = 3000;
/** A connection idle when stopping starts is closed after this long (a request may be on its way). */
const IDLE_GRACE_MS = 250;

@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);
  private readonly controller = new AbortController();
  private readonly httpServers: HttpDrain[] = [];
  private readonly grpcServers: StoppableGrpcServer[] = [];

  /** Aborted when stopping begins: streams end, readiness fails. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopping(): boolean {
    return this.controller.signal.aborted;
  }

  /** An HTTP server to drain on stop; call once its request listeners are in place. */
  drainHttpServer(server: Server): void {
    this.httpServers.push(new HttpDrain(server));
  }

  /** A gRPC server to stop accepting at once and finish its calls. */
  drainGrpcServer(server: StoppableGrpcServer): void {
    this.grpcServers.push(server);
  }

  /** Drains, then runs `closeApplication` (Nest's `app.close()`), all within `timeoutMs`. */
  async stop(closeApplication: () => Promise<void>, timeoutMs: number, reason: string): Promise<StopOutcome> {
    const started = Date.now();
    const deadline = started + timeoutMs;
    const inFlight = this.httpServers.reduce((sum, drain) => sum + drain.inFlight, 0);
    this.logger.log(
      `Stopping (${reason}): not ready any more, no new connections; finishing ${inFlight} HTTP request(s) ` +
        `in progress and the gRPC calls, within ${timeoutMs} ms`,
    );
    this.controller.abort();
    const idleGraceMs = Math.min(IDLE_GRACE_MS, timeoutMs / 4);
    const drained = await Promise.all([
      ...this.httpServers.map((drain) => drain.drain(deadline, idleGraceMs)),
      ...this.grpcServers.map((server) => shutDownGrpc(server, deadline)),
    ]);
    let forced = drained.includes(false);
    if (forced) this.cutAtDeadline();
    const closing = closeApplication().then(
      () => true,
      (error: unknown) => {
        this.logger.error({ err: error }, 'Closing the application failed');
        return false;
      },
    );
    let closed = await within(closing, deadline - Date.now());
    if (closed === null) {
      forced = true;
      this.cutAtDeadline();
      closed = await within(closing, CLOSE_GRACE_AFTER_DEADLINE_MS);
    }
    const elapsedMs = Date.now() - started;
    if (closed === null)
      this.logger.error(`The application did not finish closing ${elapsedMs} ms after ${reason}`);
    else if (closed)
      this.logger.log(`Stopped in ${elapsedMs} ms${forced ? ', cutting what was left at the deadline' : ''}`);
    return { closed: closed === true, forced, elapsedMs };
  }

  private cutAtDeadline(): void {
    const cut = this.httpServers.reduce((sum, drain) => sum + drain.destroyConnections(), 0);
    for (const server of this.grpcServers) server.forceShutdown();
    this.logger.warn(`Shutdown deadline reached: closed ${cut} HTTP connection(s) and every gRPC call left`);
  }
}

/** Stops accepting calls and waits for those running; false when the deadline came first. */
async function shutDownGrpc(server: StoppableGrpcServer, deadline: number): Promise<boolean> {
  const done = new Promise<true>((resolve) => server.tryShutdown(() => resolve(true)));
  return (await within(done, deadline - Date.now())) ?? false;
}

/** The promise's value, or null when `ms` pass first. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, ms))));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Said to a stream's subscriber when the service stops: reconnect (to another replica) where it left off. */
export const serviceStopping = (): Refusal<'SERVICE_STOPPING'> =>
  new Refusal(
    'SERVICE_STOPPING',
    'The service is stopping; reconnect and resume after the last position received',
    { retryAfterSeconds: 1 },
  );
