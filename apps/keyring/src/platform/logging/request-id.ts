/** The request id: taken from X-Request-Id (gRPC: x-request-id metadata) when it is sane, otherwise generated, and echoed back. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { carriesSecret } from '@keyring/domain';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's request id when it is sane (and no client secret sent in the wrong header), otherwise a new one. */
export const requestIdFrom = (offered: unknown): string =>
  typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) && !carriesSecret(offered)
    ? offered
    : randomUUID();

export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const id = requestIdFrom(request.headers['x-request-id']);
  response.setHeader('X-Request-Id', id);
  return id;
}
