/**
 * How every refusal reads over gRPC: a status code, a message safe to show,
 * and the details of `status-details.ts`. The one table the gRPC edge
 * consults, as `http/domain-error-status.ts` is for REST.
 */
import { Metadata, status } from '@grpc/grpc-js';
import { type DomainErrorCode, type FieldViolation, isDomainError } from '@keyring/domain';
import { AccountOutOfReachError } from '@keyring/domain';
import { BearerRefusal, type BearerRefusalReason } from '../../tokens/bearer/bearer-authenticator';
import { ConcurrencyConflictError } from '../../credential-store/credential-command-runner';
import { OAuthError } from '../../tokens/oauth-error';
import { statusDetailsMetadata } from './status-details';

export class GrpcRefusal extends Error {
  constructor(
    readonly code: status,
    /** Our error code, as REST's problem `code`: VALIDATION_FAILED, SECRET_LIMIT_REACHED, … */
    readonly reason: string,
    message: string,
    readonly violations: readonly FieldViolation[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'GrpcRefusal';
  }

  static invalidArgument(violations: readonly FieldViolation[]): GrpcRefusal {
    const fields = [...new Set(violations.map((violation) => violation.field))].join(', ');
    return new GrpcRefusal(
      status.INVALID_ARGUMENT,
      'VALIDATION_FAILED',
      `Invalid fields: ${fields}`,
      violations,
    );
  }
}

export const DOMAIN_ERROR_GRPC: Readonly<Record<DomainErrorCode, status>> = {
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
};

const BEARER_REFUSALS: Readonly<Record<BearerRefusalReason, status>> = {
  AUTHENTICATION_REQUIRED: status.UNAUTHENTICATED,
  INVALID_TOKEN: status.UNAUTHENTICATED,
  ROLE_REQUIRED: status.PERMISSION_DENIED,
};

/** The token grant's RFC 6749 errors, as IssueToken answers them. */
const OAUTH_ERRORS: Readonly<Record<string, status>> = {
  invalid_client: status.UNAUTHENTICATED,
  invalid_request: status.INVALID_ARGUMENT,
  invalid_scope: status.INVALID_ARGUMENT,
  unauthorized_client: status.PERMISSION_DENIED,
  token_limit_reached: status.RESOURCE_EXHAUSTED,
  temporarily_unavailable: status.UNAVAILABLE,
};

const retryAfter = (headers: Readonly<Record<string, string>>): number | undefined =>
  headers['Retry-After'] === undefined ? undefined : Number(headers['Retry-After']);

/** The refusal an exception stands for; null for an unexpected failure (a bug or an outage). */
export function refusalFor(exception: unknown): GrpcRefusal | null {
  if (exception instanceof GrpcRefusal) return exception;
  if (isDomainError(exception)) {
    return new GrpcRefusal(
      DOMAIN_ERROR_GRPC[exception.code],
      exception.code,
      exception.message,
      exception.details.violations ?? [],
      exception.details.retryAfterSeconds,
    );
  }
  if (exception instanceof BearerRefusal) {
    const reason = exception.reason === 'ROLE_REQUIRED' ? 'ROLE_REQUIRED' : exception.reason;
    return new GrpcRefusal(BEARER_REFUSALS[exception.reason], reason, exception.message);
  }
  if (exception instanceof AccountOutOfReachError) {
    return new GrpcRefusal(status.PERMISSION_DENIED, exception.code, exception.message);
  }
  if (exception instanceof ConcurrencyConflictError) {
    return new GrpcRefusal(status.ABORTED, exception.code, exception.message, [], 1);
  }
  if (exception instanceof OAuthError && OAUTH_ERRORS[exception.error] !== undefined) {
    const violations =
      exception.error === 'invalid_scope' ? [{ field: 'scope', message: exception.description }] : [];
    return new GrpcRefusal(
      OAUTH_ERRORS[exception.error],
      exception.error.toUpperCase(),
      exception.description,
      violations,
      retryAfter(exception.headers),
    );
  }
  return null;
}

/** What grpc-js sends for a refusal: the code, the message, and the details trailer. */
export interface GrpcErrorResponse {
  readonly code: status;
  readonly details: string;
  readonly metadata: Metadata;
}

export function grpcErrorResponse(refusal: GrpcRefusal): GrpcErrorResponse {
  return {
    code: refusal.code,
    details: refusal.message,
    metadata: statusDetailsMetadata({
      code: refusal.code,
      message: refusal.message,
      reason: refusal.reason,
      violations: refusal.violations,
      retryAfterSeconds: refusal.retryAfterSeconds,
    }),
  };
}
