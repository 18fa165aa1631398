/**
 * The one limit on request bodies, and its one refusal: Express's parsers
 * apply it to every route they serve, and `readBodyWithinLimit` to a path
 * served ahead of them (the direct token endpoint).
 */
import type { IncomingMessage } from 'node:http';
import { Refusal } from '@keyring/domain';

export const BODY_LIMIT_BYTES = 64 * 1024;

export const bodyTooLarge = (): Refusal<'BODY_TOO_LARGE'> =>
  new Refusal('BODY_TOO_LARGE', 'The request body is larger than 64 KiB');

/** Content-Length already says the body is past the limit, before a byte of it is read. */
export const declaresBodyTooLarge = (request: Pick<IncomingMessage, 'headers'>): boolean =>
  Number(request.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES;

/** The body as UTF-8 text; refused with `bodyTooLarge()` past the limit, after it has all arrived. */
export function readBodyWithinLimit(request: IncomingMessage): Promise<string> {
  if (declaresBodyTooLarge(request)) {
    // Drain what was sent, so the connection stays usable for the next request.
    request.resume();
    return Promise.reject(bodyTooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > BODY_LIMIT_BYTES) return reject(bodyTooLarge());
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}
