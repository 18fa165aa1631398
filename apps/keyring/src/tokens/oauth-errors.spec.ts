import { status } from '@grpc/grpc-js';
import { Refusal } from '@keyring/domain';
import { concurrencyConflict } from '../credential-store/credential-command-runner';
import { grpcStatusOf } from '../platform/grpc/grpc-refusal';
import { invalidClient, invalidScope, temporarilyUnavailable } from './grant-refusals';
import { oauthErrorOf } from './oauth-errors';

const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="keyring"' };

describe('refusals on the OAuth endpoints', () => {
  it.each(['CREDENTIAL_NOT_FOUND', 'CREDENTIAL_REVOKED', 'INVALID_CLIENT_SECRET', 'IP_NOT_ALLOWED'] as const)(
    'answer %s as invalid_client, without telling why',
    (code) => {
      expect(oauthErrorOf(new Refusal(code, `the real reason: ${code}`))).toEqual({
        status: 401,
        error: 'invalid_client',
        description: 'Client authentication failed',
        headers: BASIC_CHALLENGE,
      });
    },
  );

  it('answer the eleventh token with 429 and when to retry', () => {
    const refusal = new Refusal('TOKEN_LIMIT_REACHED', 'ten', { retryAfterSeconds: 7 });
    expect(oauthErrorOf(refusal)).toEqual({
      status: 429,
      error: 'token_limit_reached',
      description: 'ten',
      headers: { 'Retry-After': '7' },
    });
  });

  it('answer a lasting conflict as temporarily_unavailable, to retry in a second', () => {
    for (const refusal of [concurrencyConflict('c'), temporarilyUnavailable('busy')]) {
      expect(oauthErrorOf(refusal)).toMatchObject({
        status: 503,
        error: 'temporarily_unavailable',
        headers: { 'Retry-After': '1' },
      });
    }
  });

  it('leave refusals no OAuth endpoint makes to be answered as a fault', () => {
    expect(oauthErrorOf(new Refusal('SECRET_LIMIT_REACHED', 'two'))).toBeNull();
  });
});

describe('the token grant over gRPC', () => {
  it('answers in the grant’s words', () => {
    expect(grpcStatusOf(invalidClient())).toMatchObject({
      code: status.UNAUTHENTICATED,
      reason: 'INVALID_CLIENT',
    });
    expect(grpcStatusOf(invalidScope('no'))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      violations: [{ field: 'scope', message: 'no' }],
    });
    expect(grpcStatusOf(new Refusal('TOKEN_LIMIT_REACHED', 'ten', { retryAfterSeconds: 7 }))).toMatchObject({
      code: status.RESOURCE_EXHAUSTED,
      retryAfterSeconds: 7,
    });
    expect(grpcStatusOf(temporarilyUnavailable('busy'))).toMatchObject({
      code: status.UNAVAILABLE,
      reason: 'TEMPORARILY_UNAVAILABLE',
      retryAfterSeconds: 1,
    });
  });
});
