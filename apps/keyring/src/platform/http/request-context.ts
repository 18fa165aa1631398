/** Builds a command's context (actor, request id, source address, correlation) from an HTTP request. */
import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import '../context/caller';
import { callerCommandContext, type CommandContext, copyableValue } from '../context/command-context';
import { normaliseSourceIp } from './source-ip';

export const safeHeader = (request: Pick<IncomingMessage, 'headers'>, name: string): string | null =>
  copyableValue(request.headers[name]);

export const sourceIpOf = (request: Request): string =>
  normaliseSourceIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');

/** The caller the bearer guard authenticated acts, for the person named in X-On-Behalf-Of. */
export const commandContextFrom = (request: Request): CommandContext =>
  callerCommandContext({
    caller: request.caller ?? null,
    requestId: String(request.id),
    sourceIp: sourceIpOf(request),
    onBehalfOf: request.headers['x-on-behalf-of'],
    correlationId: request.headers['x-correlation-id'],
  });

export const RequestContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext =>
    commandContextFrom(context.switchToHttp().getRequest<Request>()),
);
