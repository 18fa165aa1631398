import { status } from '@grpc/grpc-js';
import { DomainError } from '@keyring/domain';
import { AccountOutOfReachError } from '@keyring/domain';
import { BearerRefusal } from '../../tokens/bearer/bearer-authenticator';
import { ConcurrencyConflictError } from '../../credential-store/credential-command-runner';
import { invalidClient, invalidScope, serverError, tokenLimitReached } from '../../tokens/oauth-error';
import { DOMAIN_ERROR_GRPC, GrpcRefusal, grpcErrorResponse, refusalFor } from './grpc-refusal';
import { decodeStatusDetails, STATUS_DETAILS_KEY } from './status-details';

const detailsOf = (refusal: GrpcRefusal) => {
  const [bytes] = grpcErrorResponse(refusal).metadata.get(STATUS_DETAILS_KEY);
  return decodeStatusDetails(bytes as Buffer);
};

describe('gRPC refusals', () => {
  it.each([
    ['VALIDATION_FAILED', status.INVALID_ARGUMENT],
    ['CREDENTIAL_NOT_FOUND', status.NOT_FOUND],
    ['CREDENTIAL_ALREADY_EXISTS', status.ALREADY_EXISTS],
    ['CREDENTIAL_REVOKED', status.FAILED_PRECONDITION],
    ['SECRET_LIMIT_REACHED', status.FAILED_PRECONDITION],
    ['TOKEN_LIMIT_REACHED', status.RESOURCE_EXHAUSTED],
  ] as const)('maps the domain refusal %s to %s', (code, expected) => {
    expect(DOMAIN_ERROR_GRPC[code]).toBe(expected);
    expect(refusalFor(new DomainError(code, 'refused'))).toMatchObject({ code: expected, reason: code });
  });

  it('maps every domain refusal to a status that blames the request, never INTERNAL or UNKNOWN', () => {
    for (const code of Object.values(DOMAIN_ERROR_GRPC)) {
      expect([status.INTERNAL, status.UNKNOWN, status.OK]).not.toContain(code);
    }
  });

  it('carries field violations and a retry delay in the details trailer', () => {
    const invalid = refusalFor(
      new DomainError('VALIDATION_FAILED', 'bad', {
        violations: [{ field: 'name', message: 'name is required' }],
      }),
    )!;
    expect(detailsOf(invalid)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'bad',
      reason: 'VALIDATION_FAILED',
      violations: [{ field: 'name', message: 'name is required' }],
      retryAfterSeconds: undefined,
    });
    const exhausted = refusalFor(new DomainError('TOKEN_LIMIT_REACHED', 'ten', { retryAfterSeconds: 42 }))!;
    expect(detailsOf(exhausted)).toMatchObject({ code: status.RESOURCE_EXHAUSTED, retryAfterSeconds: 42 });
    expect(grpcErrorResponse(exhausted)).toMatchObject({ code: status.RESOURCE_EXHAUSTED, details: 'ten' });
  });

  it('maps authentication, reach and concurrency refusals', () => {
    expect(refusalFor(new BearerRefusal('AUTHENTICATION_REQUIRED'))?.code).toBe(status.UNAUTHENTICATED);
    expect(refusalFor(new BearerRefusal('INVALID_TOKEN'))?.code).toBe(status.UNAUTHENTICATED);
    expect(refusalFor(new BearerRefusal('ROLE_REQUIRED', ['keyring:admin']))).toMatchObject({
      code: status.PERMISSION_DENIED,
      message: 'This call needs a credential holding the role keyring:admin',
    });
    expect(refusalFor(new AccountOutOfReachError(['B']))?.code).toBe(status.PERMISSION_DENIED);
    expect(refusalFor(new ConcurrencyConflictError('c'))).toMatchObject({
      code: status.ABORTED,
      retryAfterSeconds: 1,
    });
  });

  it('answers the token grant’s OAuth errors as IssueToken refusals', () => {
    expect(refusalFor(invalidClient())).toMatchObject({
      code: status.UNAUTHENTICATED,
      reason: 'INVALID_CLIENT',
    });
    expect(refusalFor(invalidScope('no'))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [{ field: 'scope', message: 'no' }],
    });
    expect(refusalFor(tokenLimitReached('ten', 7))).toMatchObject({
      code: status.RESOURCE_EXHAUSTED,
      retryAfterSeconds: 7,
    });
  });

  it('leaves anything unexpected to the filter, which answers INTERNAL without internals', () => {
    expect(refusalFor(new Error('disk on fire'))).toBeNull();
    expect(refusalFor(serverError('failed'))).toBeNull();
  });
});
