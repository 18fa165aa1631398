/** Builds a command's context (actor, request id, source address, correlation) from an HTTP request. */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '../event-sourcing/command-context';
import { normaliseSourceIp } from './source-ip';

/** Header values we copy into events must be short and printable. */
const SAFE_HEADER_VALUE = /^[\x20-\x7E]{1,200}$/;

export function safeHeader(request: Request, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && SAFE_HEADER_VALUE.test(value) ? value : null;
}

export function commandContextFrom(request: Request): CommandContext {
  const requestId = String(request.id);
  return {
    actor: { type: 'anonymous', id: null, onBehalfOf: safeHeader(request, 'x-on-behalf-of') },
    requestId,
    sourceIp: normaliseSourceIp(request.ip ?? request.socket.remoteAddress ?? 'unknown'),
    correlationId: safeHeader(request, 'x-correlation-id') ?? requestId,
  };
}

export const RequestContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext =>
    commandContextFrom(context.switchToHttp().getRequest<Request>()),
);
