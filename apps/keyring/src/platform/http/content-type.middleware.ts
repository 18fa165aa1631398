/**
 * The management API speaks JSON only: a request that carries a body in
 * another media type is refused with 415 before anything parses it.
 */
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Refusal } from '@keyring/domain';
import { carriesBodyOtherThan, JSON_MEDIA_TYPE } from './content-type';

@Injectable()
export class RequireJsonBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    if (carriesBodyOtherThan(request, JSON_MEDIA_TYPE)) {
      const contentType = request.headers['content-type'] ?? '';
      const detail = `Send the body as application/json (got ${contentType ? `"${contentType.slice(0, 100)}"` : 'no Content-Type'})`;
      return next(new Refusal('UNSUPPORTED_MEDIA_TYPE', detail));
    }
    next();
  }
}
