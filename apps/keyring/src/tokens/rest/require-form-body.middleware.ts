/** The OAuth endpoints take `application/x-www-form-urlencoded` bodies only (RFC 6749 §3.2, RFC 7662, RFC 7009). */
import type { IncomingMessage } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Refusal } from '@keyring/domain';
import { carriesBodyOtherThan, FORM_MEDIA_TYPE } from '../../platform/http/content-type';
import { invalidRequest } from '../grant-refusals';

/** Why a request's body cannot be read as OAuth parameters, or null when it can. */
export function notFormEncoded(request: Pick<IncomingMessage, 'headers'>): Refusal | null {
  return carriesBodyOtherThan(request, FORM_MEDIA_TYPE)
    ? invalidRequest('Send the parameters as application/x-www-form-urlencoded')
    : null;
}

@Injectable()
export class RequireFormBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    next(notFormEncoded(request) ?? undefined);
  }
}
