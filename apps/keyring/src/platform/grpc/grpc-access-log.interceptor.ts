/**
 * One log line and one metric per gRPC call that completes or is cancelled,
 * as pino-http and the HTTP metrics do per request: the method, the status,
 * the duration, the request id and the caller; and the number of streams
 * open. Refusals are recorded by the exception filter, which also sees the
 * guard's. Never the request or the response, which may hold a secret.
 */
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { finalize, type Observable, tap } from 'rxjs';
import { KeyringMetrics } from '../metrics/keyring-metrics';
import { grpcCallOf, grpcMetadataOf, type ServerSurfaceCall } from './grpc-call';
import { secondsSinceArrival } from './grpc-call-duration';

export const GRPC_LOG_CONTEXT = 'GrpcCall';

const isServerStream = (call: ServerSurfaceCall): boolean =>
  typeof (call as Partial<{ write: unknown }>).write === 'function';

@Injectable()
export class GrpcAccessLog implements NestInterceptor {
  private readonly logger = new Logger(GRPC_LOG_CONTEXT);

  constructor(private readonly metrics: KeyringMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = grpcCallOf(context);
    const metadata = grpcMetadataOf(context);
    const method = call.getPath();
    const record = (code: status.OK | status.CANCELLED) => {
      const seconds = secondsSinceArrival(metadata);
      this.metrics.grpcCallEnded(method, status[code], seconds);
      const line = {
        grpc: { method, code: status[code] },
        requestId: metadata.requestId,
        caller: metadata.caller?.clientId,
        responseTime: Math.round(seconds * 1000),
      };
      this.logger.log(line, code === status.OK ? 'call completed' : 'call cancelled');
    };
    const closeStream = isServerStream(call) ? this.metrics.grpcStreamOpened(method) : () => undefined;
    return next.handle().pipe(
      tap({
        complete: () => record(status.OK),
        unsubscribe: () => record(status.CANCELLED),
      }),
      finalize(closeStream),
    );
  }
}
