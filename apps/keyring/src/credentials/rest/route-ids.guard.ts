/**
 * Route ids are checked as soon as the caller is known, before any pipe
 * runs: Nest resolves a handler's parameters concurrently, so with pipes
 * alone a hostile body could be validated (or fail) ahead of a route id that
 * names nothing. The same parses as the id pipes, earlier.
 */
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { parseClientId, parseJti, parseSecretId } from '@keyring/domain';

@Injectable()
export class RouteIdsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { clientId, secretId, jti } = context.switchToHttp().getRequest<Request>().params;
    if (typeof clientId === 'string') parseClientId(clientId);
    if (typeof secretId === 'string') parseSecretId(secretId);
    if (typeof jti === 'string') parseJti(jti);
    return true;
  }
}
