/**
 * The single translation of failures to RFC 9457 responses on the REST edge:
 * domain refusals, validation, body-parser errors, unknown routes and, last,
 * unexpected errors (logged, answered without internals).
 */
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDomainError } from '@keyring/domain';
import { AccountOutOfReachError } from '@keyring/domain';
import { ConcurrencyConflictError } from '../../credential-store/credential-command-runner';
import { DOMAIN_ERROR_HTTP } from './domain-error-status';
import { ERROR_DIALECTS, type ErrorDialect } from './error-dialects';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDetails, ProblemException } from './problem-details';

const HEALTH_PATH_PREFIX = '/health/';

interface Answer {
  readonly body: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(@Inject(ERROR_DIALECTS) private readonly dialects: readonly ErrorDialect[]) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const dialect = this.dialects.find(({ pathPrefix }) => request.path.startsWith(pathPrefix));
    if (dialect) return dialect.answer(exception, request, response);
    // A failed health check keeps Terminus's report: which indicator is down, and why.
    if (exception instanceof ServiceUnavailableException && request.path.startsWith(HEALTH_PATH_PREFIX)) {
      response.status(503).json(exception.getResponse());
      return;
    }
    const answer = this.answer(exception, request);
    response
      .status(answer.body.status)
      .set(answer.headers)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...answer.body, instance: request.originalUrl?.split('?')[0] }));
  }

  private answer(exception: unknown, request: Request): Answer {
    if (exception instanceof ProblemException) return { body: exception.problem, headers: exception.headers };
    if (isDomainError(exception)) {
      const { status, title } = DOMAIN_ERROR_HTTP[exception.code];
      const retryAfter = exception.details.retryAfterSeconds;
      return {
        body: problem(status, exception.code, title, exception.message, exception.details.violations),
        headers: retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
      };
    }
    if (exception instanceof AccountOutOfReachError) {
      return { body: problem(403, exception.code, 'Account out of reach', exception.message), headers: {} };
    }
    if (exception instanceof ConcurrencyConflictError) {
      return {
        body: problem(409, exception.code, 'Concurrent modification', exception.message),
        headers: { 'Retry-After': '1' },
      };
    }
    if (exception instanceof HttpException)
      return { body: fromHttpException(exception, request), headers: {} };
    this.logger.error({ err: exception, requestId: request.id }, 'Unexpected error while handling a request');
    return {
      body: problem(
        500,
        'INTERNAL_ERROR',
        'Internal error',
        `The request could not be completed; quote request id ${String(request.id)} when reporting it`,
      ),
      headers: {},
    };
  }
}

function fromHttpException(exception: HttpException, request: Request): ProblemDetails {
  const status = exception.getStatus();
  if (status === 404) {
    return problem(404, 'ROUTE_NOT_FOUND', 'Not found', `No route for ${request.method} ${request.path}`);
  }
  const code = exception.constructor.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1_$2');
  return problem(status, code.toUpperCase() || 'HTTP_ERROR', exception.message, exception.message);
}
