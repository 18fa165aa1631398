/** The OAuth endpoints take `application/x-www-form-urlencoded` bodies only (RFC 6749 §3.2, RFC 7662, RFC 7009). */
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { hasBody } from '../http/content-type.middleware';
import { invalidRequest } from './oauth-error';

const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

@Injectable()
export class RequireFormBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const contentType = request.headers['content-type'] ?? '';
    if (hasBody(request) && !FORM_MEDIA_TYPE.test(contentType)) {
      return next(invalidRequest('Send the parameters as application/x-www-form-urlencoded'));
    }
    next();
  }
}
