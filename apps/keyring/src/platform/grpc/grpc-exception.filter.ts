/**
 * The gRPC edge's one translation of failures: refusals become their
 * status codes with details; anything else is logged and answered INTERNAL
 * without internals, naming the request id to quote.
 */
import { type ArgumentsHost, Catch, Injectable, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { type Observable, throwError } from 'rxjs';
import { KeyringMetrics } from '../metrics/keyring-metrics';
import { grpcCallOf, grpcMetadataOf } from './grpc-call';
import { secondsSinceArrival } from './grpc-call-duration';
import { GRPC_LOG_CONTEXT } from './grpc-access-log.interceptor';
import { grpcErrorResponse, grpcStatusOf, internalError } from './grpc-refusal';

@Catch()
@Injectable()
export class GrpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(GRPC_LOG_CONTEXT);

  constructor(private readonly metrics: KeyringMetrics) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const metadata = grpcMetadataOf(host);
    const line = {
      grpc: { method: grpcCallOf(host).getPath() },
      requestId: metadata.requestId,
      caller: metadata.caller?.clientId,
    };
    const refusal = grpcStatusOf(exception);
    this.metrics.grpcCallEnded(
      line.grpc.method,
      status[refusal?.code ?? status.INTERNAL],
      secondsSinceArrival(metadata),
    );
    if (refusal) {
      this.logger.warn(
        { ...line, grpc: { ...line.grpc, code: status[refusal.code] }, reason: refusal.reason },
        'call refused',
      );
      return throwError(() => grpcErrorResponse(refusal));
    }
    this.logger.error({ ...line, err: exception }, 'Unexpected error while handling a gRPC call');
    const quote = line.requestId ? `; quote request id ${line.requestId} when reporting it` : '';
    return throwError(() => grpcErrorResponse(internalError(`The call could not be completed${quote}`)));
  }
}
