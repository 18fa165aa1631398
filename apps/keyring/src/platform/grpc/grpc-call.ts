/**
 * A gRPC call as @nestjs/microservices hands it to guards, interceptors,
 * filters and handlers, and what Keyring learns about it on the way. Those
 * facts travel on the call's own Metadata object, which every one of them
 * receives, rather than in a table beside it.
 */
import { createParamDecorator, type ArgumentsHost, type ExecutionContext } from '@nestjs/common';
import type { Metadata, ServerUnaryCall } from '@grpc/grpc-js';
import type { Caller } from '../context/caller';

declare module '@grpc/grpc-js' {
  interface Metadata {
    /** When the call reached the server (`performance.now()`), noted by `noteCallArrival`. */
    arrivedAt?: number;
    /** The address the call came from, by the TRUST_PROXY rule, noted by `noteCallArrival`. */
    sourceIp?: string;
    /** The call's request id, settled and echoed once the call is admitted (`GrpcRequestId`). */
    requestId?: string;
    /** Who the authentication guard found; null for a method anyone may call (the token grant). */
    caller?: Caller | null;
    /** Set with `caller`: the same check again, against the caller's credential as it is now; throws once refused. */
    confirmCaller?: () => Promise<void>;
  }
}

/** What every kind of server call offers: its peer, its method's path, and initial metadata to send. */
export type ServerSurfaceCall = Pick<
  ServerUnaryCall<unknown, unknown>,
  'getPeer' | 'getPath' | 'sendMetadata'
>;

/** A gRPC handler's arguments are (request, metadata, call); Nest names the first two only. */
const CALL_ARGUMENT_INDEX = 2;

export const grpcCallOf = (host: ArgumentsHost): ServerSurfaceCall =>
  host.getArgByIndex<ServerSurfaceCall>(CALL_ARGUMENT_INDEX);

export const grpcMetadataOf = (host: ArgumentsHost): Metadata => host.switchToRpc().getContext<Metadata>();

export function metadataValue(metadata: Metadata, key: string): string | undefined {
  const [value] = metadata.get(key);
  return typeof value === 'string' ? value : undefined;
}

/** The call itself, for streams that watch for cancellation and backpressure. */
export const GrpcCall = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ServerSurfaceCall => grpcCallOf(context),
);

/**
 * A stream's way to confirm, while it runs, that its caller may still receive
 * it (see `confirmCaller`); a stream anyone may open has nothing to confirm.
 */
export const CallerConfirmation = createParamDecorator(
  (_data: unknown, context: ExecutionContext): (() => Promise<void>) => {
    const { caller, confirmCaller } = grpcMetadataOf(context);
    if (caller === undefined)
      throw new Error('CallerConfirmation used on a handler that GrpcEdge does not cover');
    return confirmCaller ?? (() => Promise.resolve());
  },
);
