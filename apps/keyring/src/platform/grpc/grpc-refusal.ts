/**
 * How every refusal reads over gRPC: a status code, the message, and the
 * details of `status-details.ts` (our code as ErrorInfo's reason, field
 * violations, a retry delay). The one table the gRPC edge consults, as
 * `http/refusal-problems.ts` is for REST.
 */
import { Metadata, status } from '@grpc/grpc-js';
import { isRefusal, type RefusalCode } from '@keyring/domain';
import { type StatusDetails, statusDetailsMetadata } from './status-details';

export const REFUSAL_GRPC_STATUS: Readonly<Record<RefusalCode, status>> = {
  VALIDATION_FAILED: status.INVALID_ARGUMENT,
  CREDENTIAL_NOT_FOUND: status.NOT_FOUND,
  CREDENTIAL_ALREADY_EXISTS: status.ALREADY_EXISTS,
  CREDENTIAL_REVOKED: status.FAILED_PRECONDITION,
  SECRET_NOT_FOUND: status.NOT_FOUND,
  SECRET_ALREADY_DELETED: status.FAILED_PRECONDITION,
  SECRET_LIMIT_REACHED: status.FAILED_PRECONDITION,
  INVALID_CLIENT_SECRET: status.UNAUTHENTICATED,
  IP_NOT_ALLOWED: status.PERMISSION_DENIED,
  INVALID_SCOPE: status.INVALID_ARGUMENT,
  TOKEN_LIMIT_REACHED: status.RESOURCE_EXHAUSTED,
  TOKEN_NOT_FOUND: status.NOT_FOUND,
  API_USER_NOT_FOUND: status.NOT_FOUND,
  API_USER_ALREADY_EXISTS: status.ALREADY_EXISTS,
  API_USER_ALREADY_MIGRATED: status.FAILED_PRECONDITION,
  BASIC_AUTH_RETIRED: status.UNAUTHENTICATED,
  ACCOUNT_OUT_OF_REACH: status.PERMISSION_DENIED,
  CONCURRENCY_CONFLICT: status.ABORTED,
  APPEND_OUTCOME_UNKNOWN: status.UNAVAILABLE,
  STORAGE_FULL: status.UNAVAILABLE,
  SERVICE_STOPPING: status.UNAVAILABLE,
  AUTHENTICATION_REQUIRED: status.UNAUTHENTICATED,
  INVALID_TOKEN: status.UNAUTHENTICATED,
  ROLE_REQUIRED: status.PERMISSION_DENIED,
  ADMIN_CONSOLE_NOT_BUILT: status.UNAVAILABLE,
  MALFORMED_REQUEST: status.INVALID_ARGUMENT,
  MALFORMED_BODY: status.INVALID_ARGUMENT,
  BODY_TOO_LARGE: status.INVALID_ARGUMENT,
  UNSUPPORTED_MEDIA_TYPE: status.INVALID_ARGUMENT,
  UNSUPPORTED_ENCODING: status.INVALID_ARGUMENT,
  UNSUPPORTED_CHARSET: status.INVALID_ARGUMENT,
  INVALID_CLIENT: status.UNAUTHENTICATED,
  INVALID_REQUEST: status.INVALID_ARGUMENT,
  UNSUPPORTED_GRANT_TYPE: status.INVALID_ARGUMENT,
  UNAUTHORIZED_CLIENT: status.PERMISSION_DENIED,
  TEMPORARILY_UNAVAILABLE: status.UNAVAILABLE,
  TOO_MANY_FAILED_REQUESTS: status.RESOURCE_EXHAUSTED,
  TOKEN_ISSUE_RATE_EXCEEDED: status.RESOURCE_EXHAUSTED,
};

/** A refusal in gRPC's terms; null for anything else (a bug or an outage), which is no refusal. */
export function grpcStatusOf(exception: unknown): StatusDetails | null {
  if (!isRefusal(exception)) return null;
  const { code, message, details } = exception;
  return {
    code: REFUSAL_GRPC_STATUS[code],
    message,
    reason: code,
    violations: details.violations ?? [],
    retryAfterSeconds: details.retryAfterSeconds,
  };
}

/** A failure that is ours, not the caller's: no internals, only what to quote when reporting it. */
export const internalError = (message: string): StatusDetails => ({
  code: status.INTERNAL,
  message,
  reason: 'INTERNAL_ERROR',
});

/** What grpc-js sends for a failed call: the code, the message, and the details trailer. */
export interface GrpcErrorResponse {
  readonly code: status;
  readonly details: string;
  readonly metadata: Metadata;
}

export const grpcErrorResponse = (details: StatusDetails): GrpcErrorResponse => ({
  code: details.code,
  details: details.message,
  metadata: statusDetailsMetadata(details),
});
