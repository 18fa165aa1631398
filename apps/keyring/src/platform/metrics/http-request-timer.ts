import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyringMetrics } from './keyring-metrics';

/**
 * Observes one HTTP request in the request-duration histogram once its
 * response has been sent, under the route `routeOf` names at that moment
 * (Express only knows the matched route by then).
 */
export function timeHttpRequest(
  metrics: KeyringMetrics,
  request: IncomingMessage,
  response: ServerResponse,
  routeOf: () => string,
): void {
  const started = performance.now();
  response.once('finish', () => {
    metrics.httpRequestEnded(
      request.method ?? '',
      routeOf(),
      response.statusCode,
      (performance.now() - started) / 1000,
    );
  });
}
