/**
 * A gRPC call's command context (actor, request id, source address,
 * correlation, reach), built once by the guard and handed to handlers by
 * the `@CallContext()` parameter decorator, as REST's `@RequestContext()`.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Metadata, ServerUnaryCall } from '@grpc/grpc-js';
import type { Caller } from '../context/caller';
import { callerCommandContext, type CommandContext } from '../context/command-context';
import { requestIdFrom } from '../logging/request-id';
import type { TrustRule } from '../http/source-ip';
import { grpcSourceIp } from './grpc-source-ip';

export function metadataValue(metadata: Metadata, key: string): string | undefined {
  const [value] = metadata.get(key);
  return typeof value === 'string' ? value : undefined;
}

/** The caller acts, for the person named in x-on-behalf-of; no caller (IssueToken) reaches nothing. */
export const grpcCommandContext = (
  call: ServerSurfaceCall,
  metadata: Metadata,
  caller: Caller | null,
  trust: TrustRule,
): CommandContext =>
  callerCommandContext({
    caller,
    requestId: requestIdFrom(metadataValue(metadata, 'x-request-id')),
    sourceIp: grpcSourceIp(call.getPeer(), metadata, trust),
    onBehalfOf: metadataValue(metadata, 'x-on-behalf-of'),
    correlationId: metadataValue(metadata, 'x-correlation-id'),
  });

/** What every kind of server call offers: its peer, its method's path, and initial metadata to send. */
export type ServerSurfaceCall = Pick<
  ServerUnaryCall<unknown, unknown>,
  'getPeer' | 'getPath' | 'sendMetadata'
>;

const contexts = new WeakMap<ServerSurfaceCall, CommandContext>();
const starts = new WeakMap<ServerSurfaceCall, number>();

/** Marks when the call reached Keyring (the guard, first of all), for its duration. */
export function rememberCallStart(call: ServerSurfaceCall): void {
  starts.set(call, performance.now());
}

/** Seconds since the call reached Keyring. */
export function secondsSinceStart(call: ServerSurfaceCall): number {
  const started = starts.get(call);
  return started === undefined ? 0 : (performance.now() - started) / 1000;
}

export const GRPC_CALL_ARGUMENT = 2;

export function rememberCallContext(call: ServerSurfaceCall, context: CommandContext): void {
  contexts.set(call, context);
}

export function callContextOf(call: ServerSurfaceCall): CommandContext | undefined {
  return contexts.get(call);
}

export const CallContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext => {
    const found = callContextOf(context.getArgByIndex<ServerSurfaceCall>(GRPC_CALL_ARGUMENT));
    if (!found) throw new Error('CallContext used on a handler the gRPC guard did not run for');
    return found;
  },
);

/** The call itself, for streams that watch for cancellation and backpressure. */
export const GrpcCall = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ServerSurfaceCall =>
    context.getArgByIndex<ServerSurfaceCall>(GRPC_CALL_ARGUMENT),
);
