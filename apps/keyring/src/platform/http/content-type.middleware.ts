/**
 * The management API speaks JSON only: a request that carries a body in
 * another media type is refused with 415 before anything parses it.
 */
import type { IncomingMessage } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Refusal } from '@keyring/domain';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export function hasBody(request: Pick<IncomingMessage, 'headers'>): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

@Injectable()
export class RequireJsonBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const contentType = request.headers['content-type'] ?? '';
    if (hasBody(request) && !JSON_MEDIA_TYPE.test(contentType)) {
      const detail = `Send the body as application/json (got ${contentType ? `"${contentType.slice(0, 100)}"` : 'no Content-Type'})`;
      return next(new Refusal('UNSUPPORTED_MEDIA_TYPE', detail));
    }
    next();
  }
}
