/** Builds a command's context (actor, request id, source address, correlation) from an HTTP request. */
import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import '../auth/caller';
import type { CommandContext } from '../event-sourcing/command-context';
import { normaliseSourceIp } from './source-ip';

/** Header values we copy into events must be short and printable. */
const SAFE_HEADER_VALUE = /^[\x20-\x7E]{1,200}$/;

export function safeHeader(request: Pick<IncomingMessage, 'headers'>, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && SAFE_HEADER_VALUE.test(value) ? value : null;
}

export const sourceIpOf = (request: Request): string =>
  normaliseSourceIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');

/** The caller the bearer guard authenticated acts, for the person named in X-On-Behalf-Of; no caller reaches nothing. */
export function commandContextFrom(request: Request): CommandContext {
  const requestId = String(request.id);
  const caller = request.caller;
  const onBehalfOf = safeHeader(request, 'x-on-behalf-of');
  return {
    actor: caller
      ? { type: 'client', id: caller.clientId, onBehalfOf }
      : { type: 'anonymous', id: null, onBehalfOf },
    requestId,
    sourceIp: sourceIpOf(request),
    correlationId: safeHeader(request, 'x-correlation-id') ?? requestId,
    reach: { accounts: caller?.accounts ?? [] },
    readYourWrites: true,
  };
}

export const RequestContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext =>
    commandContextFrom(context.switchToHttp().getRequest<Request>()),
);
