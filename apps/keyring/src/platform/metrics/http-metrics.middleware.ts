/**
 * Times every HTTP request Express sees, by route pattern (`/v1/credentials/:clientId`,
 * not the URL, which would name credentials and grow without bound).
 */
import type { NextFunction, Request, Response } from 'express';
import { timeHttpRequest } from './http-request-timer';
import type { KeyringMetrics } from './keyring-metrics';

/** Requests no route matched share one label. */
export const UNMATCHED_ROUTE = 'unmatched';
/** The catch-all route Nest registers to answer 404 for everything else. */
const NEST_NOT_FOUND_ROUTE = '/{*path}';

const routeLabel = (request: Request): string => {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && path !== NEST_NOT_FOUND_ROUTE
    ? `${request.baseUrl}${path}`
    : UNMATCHED_ROUTE;
};

export function httpMetrics(metrics: KeyringMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    timeHttpRequest(metrics, request, response, () => routeLabel(request));
    next();
  };
}
