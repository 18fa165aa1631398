import { status } from '@grpc/grpc-js';
import { grpcStatusOf } from '../../platform/grpc/grpc-refusal';
import { problemFor } from '../../platform/http/refusal-problems';
import { authenticationRequired, invalidToken, roleRequired } from './bearer-refusals';

describe('callers turned away from the management interfaces', () => {
  it('are unauthenticated without a valid token, and denied without the role, over gRPC', () => {
    expect(grpcStatusOf(authenticationRequired())?.code).toBe(status.UNAUTHENTICATED);
    expect(grpcStatusOf(invalidToken())?.code).toBe(status.UNAUTHENTICATED);
    expect(grpcStatusOf(roleRequired(['keyring:admin']))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'ROLE_REQUIRED',
      message: 'This call needs a credential holding the role keyring:admin',
    });
  });

  it('are challenged per RFC 6750 over REST', () => {
    expect(problemFor(authenticationRequired())).toMatchObject({
      body: { status: 401, code: 'AUTHENTICATION_REQUIRED' },
      headers: { 'WWW-Authenticate': 'Bearer realm="keyring"' },
    });
    expect(problemFor(invalidToken())).toMatchObject({
      body: { status: 401, code: 'INVALID_TOKEN' },
      headers: { 'WWW-Authenticate': 'Bearer realm="keyring", error="invalid_token"' },
    });
    expect(problemFor(roleRequired(['keyring:admin']))).toMatchObject({
      body: { status: 403, code: 'ADMIN_ROLE_REQUIRED', title: 'Admin role required' },
      headers: { 'WWW-Authenticate': 'Bearer realm="keyring", error="insufficient_scope"' },
    });
  });
});
