/**
 * One log line per gRPC call that completes or is cancelled, as pino-http
 * writes one per HTTP request: the method, the status, the duration, the
 * request id and the caller. Refusals are logged by the exception filter,
 * which also sees the guard's. Never the request or the response, which
 * may hold a secret.
 */
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { type Observable, tap } from 'rxjs';
import { callContextOf, GRPC_CALL_ARGUMENT, type ServerSurfaceCall } from './grpc-call-context';

export const GRPC_LOG_CONTEXT = 'GrpcCall';

@Injectable()
export class GrpcAccessLog implements NestInterceptor {
  private readonly logger = new Logger(GRPC_LOG_CONTEXT);

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const started = performance.now();
    const call = context.getArgByIndex<ServerSurfaceCall>(GRPC_CALL_ARGUMENT);
    const log = (code: status.OK | status.CANCELLED) => {
      const callContext = callContextOf(call);
      const line = {
        grpc: { method: call.getPath(), code: status[code] },
        requestId: callContext?.requestId,
        caller: callContext?.actor.id ?? undefined,
        responseTime: Math.round(performance.now() - started),
      };
      this.logger.log(line, code === status.OK ? 'call completed' : 'call cancelled');
    };
    return next.handle().pipe(
      tap({
        complete: () => log(status.OK),
        unsubscribe: () => log(status.CANCELLED),
      }),
    );
  }
}
