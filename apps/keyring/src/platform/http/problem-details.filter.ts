/**
 * The single translation of failures to RFC 9457 responses on the REST edge:
 * refusals (by the table of `refusal-problems.ts`), unknown routes and, last,
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
import { isRefusal, withoutSecrets } from '@keyring/domain';
import { ERROR_DIALECTS, type ErrorDialect } from './error-dialects';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';
import { type ProblemAnswer, problemFor } from './refusal-problems';

const HEALTH_PATH_PREFIX = '/health/';

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
      .send(
        JSON.stringify({
          ...answer.body,
          instance: withoutSecrets(request.originalUrl?.split('?')[0] ?? ''),
        }),
      );
  }

  private answer(exception: unknown, request: Request): ProblemAnswer {
    if (isRefusal(exception)) return problemFor(exception);
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
    const route = withoutSecrets(request.path);
    return problem(404, 'ROUTE_NOT_FOUND', 'Not found', `No route for ${request.method} ${route}`);
  }
  const code = exception.constructor.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1_$2');
  const message = withoutSecrets(exception.message);
  return problem(status, code.toUpperCase() || 'HTTP_ERROR', message, message);
}
