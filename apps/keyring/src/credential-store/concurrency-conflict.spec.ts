import { status } from '@grpc/grpc-js';
import { grpcStatusOf } from '../platform/grpc/grpc-refusal';
import { problemFor } from '../platform/http/refusal-problems';
import { concurrencyConflict } from './credential-command-runner';

describe('a conflict that outlasts every retry', () => {
  it('asks the caller to retry in a second, over gRPC and REST', () => {
    expect(grpcStatusOf(concurrencyConflict('c'))).toMatchObject({
      code: status.ABORTED,
      reason: 'CONCURRENCY_CONFLICT',
      retryAfterSeconds: 1,
    });
    expect(problemFor(concurrencyConflict('c'))).toMatchObject({
      body: { status: 409, code: 'CONCURRENCY_CONFLICT', title: 'Concurrent modification' },
      headers: { 'Retry-After': '1' },
    });
  });
});
