/**
 * Settles an admitted call's request id (the caller's x-request-id when it
 * is sane, otherwise a new one) and echoes it in the response metadata, as
 * HTTP does with X-Request-Id.
 */
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Metadata } from '@grpc/grpc-js';
import type { Observable } from 'rxjs';
import { requestIdFrom } from '../logging/request-id';
import { grpcCallOf, grpcMetadataOf, metadataValue } from './grpc-call';

@Injectable()
export class GrpcRequestId implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const metadata = grpcMetadataOf(context);
    metadata.requestId = requestIdFrom(metadataValue(metadata, 'x-request-id'));
    const echoed = new Metadata();
    echoed.set('x-request-id', metadata.requestId);
    grpcCallOf(context).sendMetadata(echoed);
    return next.handle();
  }
}
