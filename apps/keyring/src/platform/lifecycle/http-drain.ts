/**
 * Lets an HTTP server finish what it has received, then let go of its
 * connections. Keep-alive connections that never go idle would hold
 * `server.close()` open forever; so once draining, every response says
 * `Connection: close` (Node then closes the socket after it), connections
 * that sit idle are closed, and nothing that arrived is cut off unanswered.
 * Works on the server itself, so routes served ahead of Express are covered.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How often a draining server looks for idle connections and for the end. */
const POLL_MS = 25;

export class HttpDrain {
  private readonly sockets = new Set<Socket>();
  private readonly unfinished = new Set<ServerResponse>();
  private draining = false;

  /** Attach once the server's request listeners are in place; this one only watches. */
  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
      this.unfinished.add(response);
      response.once('close', () => this.unfinished.delete(response));
      if (this.draining) closeConnectionAfter(response);
    });
  }

  /** Requests received and not yet answered. */
  get inFlight(): number {
    return this.unfinished.size;
  }

  /**
   * Stops accepting connections and waits until every connection has closed, or until `deadline` (epoch
   * ms); true when all closed. A connection idle at the start is closed only after `idleGraceMs`, so that a
   * request already on its way in is read and answered rather than reset.
   */
  async drain(deadline: number, idleGraceMs: number): Promise<boolean> {
    this.draining = true;
    for (const response of this.unfinished) closeConnectionAfter(response);
    // net's close, not http's: http's also destroys idle connections at once, with any request in transit.
    if (this.server.listening) NetServer.prototype.close.call(this.server);
    const closeIdleFrom = Date.now() + idleGraceMs;
    while (this.sockets.size > 0) {
      if (Date.now() >= deadline) return false;
      if (Date.now() >= closeIdleFrom) this.server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return true;
  }

  /** Past the deadline: whatever is still open is cut. */
  destroyConnections(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    return count;
  }
}

function closeConnectionAfter(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('Connection', 'close');
}
