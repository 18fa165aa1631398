/**
 * Every refusal is a DomainError with a stable code that edges map to
 * HTTP/gRPC statuses, and a message a caller can act on.
 */
import type { TokenRequestRefused } from './events';

export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'CREDENTIAL_NOT_FOUND'
  | 'CREDENTIAL_ALREADY_EXISTS'
  | 'CREDENTIAL_REVOKED'
  | 'SECRET_NOT_FOUND'
  | 'SECRET_ALREADY_DELETED'
  | 'SECRET_LIMIT_REACHED'
  | 'INVALID_CLIENT_SECRET'
  | 'IP_NOT_ALLOWED'
  | 'INVALID_SCOPE'
  | 'TOKEN_LIMIT_REACHED'
  | 'TOKEN_NOT_FOUND';

export interface FieldViolation {
  /** Path of the offending field, e.g. `accounts[2]` or `credentials[1].name`. */
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: {
      readonly violations?: readonly FieldViolation[];
      /** For TOKEN_LIMIT_REACHED: seconds until the oldest active token expires. */
      readonly retryAfterSeconds?: number;
      /** A refusal that must still be recorded in the stream (refused token requests). */
      readonly recordedAs?: TokenRequestRefused;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;
