/**
 * Lets one route be answered straight from Node's HTTP server, ahead of
 * Express and Nest, for a path where their pipeline costs more than the
 * work itself. The server's one request listener (the Express application
 * Nest installed) is wrapped: the route sees each request first, and every
 * request it does not take goes on to the application untouched.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface DirectRoute {
  matches(request: IncomingMessage): boolean;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

export function serveAheadOfApplication(server: Server, route: DirectRoute): void {
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) {
    throw new Error(
      `Expected the application as the server's one request listener, found ${listeners.length}`,
    );
  }
  const [application] = listeners;
  server.removeListener('request', application);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (route.matches(request)) return void route.handle(request, response);
    application.call(server, request, response);
  });
}
