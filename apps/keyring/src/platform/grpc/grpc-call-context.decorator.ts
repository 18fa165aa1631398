/**
 * `@CallContext()`: a gRPC call's command context (actor, request id, source
 * address, correlation, reach), by the same rule as REST's `@RequestContext()`,
 * from what arrival, the authentication guard and `GrpcRequestId` noted on the call.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { callerCommandContext, type CommandContext } from '../context/command-context';
import { grpcMetadataOf, metadataValue } from './grpc-call';

export const CallContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext => {
    const metadata = grpcMetadataOf(context);
    const { caller, requestId, sourceIp } = metadata;
    if (caller === undefined || requestId === undefined || sourceIp === undefined) {
      throw new Error('CallContext used on a handler that GrpcEdge does not cover');
    }
    return callerCommandContext({
      caller,
      requestId,
      sourceIp,
      onBehalfOf: metadataValue(metadata, 'x-on-behalf-of'),
      correlationId: metadataValue(metadata, 'x-correlation-id'),
    });
  },
);
