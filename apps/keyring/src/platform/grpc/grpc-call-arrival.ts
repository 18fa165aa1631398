/**
 * Notes when and from where each gRPC call arrived, on its metadata, as a
 * grpc-js server interceptor: it runs before any of Nest's guards, so a
 * call's duration counts its authentication and a refused call is timed too.
 */
import { type ServerInterceptor, ServerInterceptingCall, ServerListenerBuilder } from '@grpc/grpc-js';
import type { TrustRule } from '../http/source-ip';
import './grpc-call';
import { grpcSourceIp } from './grpc-source-ip';

export const noteCallArrival =
  (trust: TrustRule): ServerInterceptor =>
  (_method, call) =>
    new ServerInterceptingCall(call, {
      start: (next) =>
        next(
          new ServerListenerBuilder()
            .withOnReceiveMetadata((metadata, passOn) => {
              metadata.arrivedAt = performance.now();
              metadata.sourceIp = grpcSourceIp(call.getPeer(), metadata, trust);
              passOn(metadata);
            })
            .build(),
        ),
    });
