/** How each domain refusal reads over HTTP: the one table edges consult. */
import type { DomainErrorCode } from '@keyring/domain';

interface HttpMapping {
  readonly status: number;
  readonly title: string;
}

export const DOMAIN_ERROR_HTTP: Readonly<Record<DomainErrorCode, HttpMapping>> = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  CREDENTIAL_NOT_FOUND: { status: 404, title: 'Credential not found' },
  CREDENTIAL_ALREADY_EXISTS: { status: 409, title: 'Credential already exists' },
  CREDENTIAL_REVOKED: { status: 409, title: 'Credential revoked' },
  SECRET_NOT_FOUND: { status: 404, title: 'Secret not found' },
  SECRET_ALREADY_DELETED: { status: 409, title: 'Secret already deleted' },
  SECRET_LIMIT_REACHED: { status: 409, title: 'Secret limit reached' },
  INVALID_CLIENT_SECRET: { status: 401, title: 'Client authentication failed' },
  IP_NOT_ALLOWED: { status: 403, title: 'Source address not allowed' },
  INVALID_SCOPE: { status: 400, title: 'Scope not allowed' },
  TOKEN_LIMIT_REACHED: { status: 429, title: 'Token limit reached' },
  TOKEN_NOT_FOUND: { status: 404, title: 'Token not found' },
};
