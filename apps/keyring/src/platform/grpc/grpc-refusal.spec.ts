import { status } from '@grpc/grpc-js';
import { accountOutOfReach, Refusal } from '@keyring/domain';
import { grpcErrorResponse, grpcStatusOf, REFUSAL_GRPC_STATUS } from './grpc-refusal';
import { decodeStatusDetails, STATUS_DETAILS_KEY } from './status-details';

const detailsOf = (refusal: Refusal) => {
  const [bytes] = grpcErrorResponse(grpcStatusOf(refusal)!).metadata.get(STATUS_DETAILS_KEY);
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
    expect(REFUSAL_GRPC_STATUS[code]).toBe(expected);
    expect(grpcStatusOf(new Refusal(code, 'refused'))).toMatchObject({ code: expected, reason: code });
  });

  it('maps every refusal to a status that blames the request, never INTERNAL or UNKNOWN', () => {
    for (const code of Object.values(REFUSAL_GRPC_STATUS)) {
      expect([status.INTERNAL, status.UNKNOWN, status.OK]).not.toContain(code);
    }
  });

  it('carries field violations and a retry delay in the details trailer', () => {
    const invalid = new Refusal('VALIDATION_FAILED', 'bad', {
      violations: [{ field: 'name', message: 'name is required' }],
    });
    expect(detailsOf(invalid)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'bad',
      reason: 'VALIDATION_FAILED',
      violations: [{ field: 'name', message: 'name is required' }],
      retryAfterSeconds: undefined,
    });
    const exhausted = new Refusal('TOKEN_LIMIT_REACHED', 'ten', { retryAfterSeconds: 42 });
    expect(detailsOf(exhausted)).toMatchObject({ code: status.RESOURCE_EXHAUSTED, retryAfterSeconds: 42 });
    expect(grpcErrorResponse(grpcStatusOf(exhausted)!)).toMatchObject({
      code: status.RESOURCE_EXHAUSTED,
      details: 'ten',
    });
  });

  it('maps reach refusals', () => {
    expect(grpcStatusOf(accountOutOfReach(['B']))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'ACCOUNT_OUT_OF_REACH',
    });
  });

  it('leaves anything unexpected to the filter, which answers INTERNAL without internals', () => {
    expect(grpcStatusOf(new Error('disk on fire'))).toBeNull();
  });
});
