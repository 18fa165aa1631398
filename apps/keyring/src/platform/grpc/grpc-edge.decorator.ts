/**
 * What every gRPC controller wears, in the order it applies: a malformed
 * request is refused first, then `authentication` decides who may call; the
 * request id is settled and echoed; each call gets one access-log line and
 * metric; every failure goes through the one exception filter.
 */
import {
  applyDecorators,
  type CanActivate,
  type Type,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { GrpcAccessLog } from './grpc-access-log.interceptor';
import { GrpcExceptionFilter } from './grpc-exception.filter';
import { GrpcRequestId } from './grpc-request-id.interceptor';
import { WellFormedRequestGuard } from './well-formed-request.guard';

export const GrpcEdge = (authentication: Type<CanActivate>) =>
  applyDecorators(
    UseGuards(WellFormedRequestGuard, authentication),
    UseInterceptors(GrpcRequestId, GrpcAccessLog),
    UseFilters(GrpcExceptionFilter),
  );
