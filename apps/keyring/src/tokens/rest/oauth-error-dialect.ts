/** The OAuth endpoints answer failures in RFC 6749's dialect, never as problem details. */
import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorDialect } from '../../platform/http/error-dialects';
import { OAUTH_PATH_PREFIX, oauthErrorAnswer } from './oauth-error-answer';

@Injectable()
export class OAuthErrorDialect implements ErrorDialect {
  readonly pathPrefix = OAUTH_PATH_PREFIX;
  private readonly logger = new Logger('OAuthErrors');

  answer(exception: unknown, request: Request, response: Response): void {
    const answer = oauthErrorAnswer(exception, String(request.id), (err) =>
      this.logger.error({ err, requestId: request.id }, 'Unexpected error on an OAuth endpoint'),
    );
    response.status(answer.status).set(answer.headers).json(answer.body);
  }
}
