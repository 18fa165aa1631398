/**
 * Client secrets: 256 random bits, base64url, behind a recognisable prefix so
 * secret scanners can find leaked ones. Only a keyed hash is ever stored.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { CLIENT_SECRET_PREFIX } from '@keyring/domain';

export { CLIENT_SECRET_PREFIX };
const SECRET_BYTES = 32;
const HINT_TAIL_LENGTH = 4;

export interface GeneratedClientSecret {
  /** Shown to the caller once; never stored, logged or put in an event. */
  readonly plaintext: string;
  readonly hash: string;
  readonly hint: string;
}

export class ClientSecretHasher {
  constructor(private readonly pepper: Buffer) {}

  generate(): GeneratedClientSecret {
    const plaintext = CLIENT_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
    return { plaintext, hash: this.hash(plaintext), hint: hintFor(plaintext) };
  }

  /** HMAC-SHA-256 under the server's pepper: right for high-entropy secrets, unlike slow password hashes. */
  hash(plaintext: string): string {
    return createHmac('sha256', this.pepper).update(plaintext, 'utf8').digest('hex');
  }
}

export const hintFor = (plaintext: string): string =>
  `${CLIENT_SECRET_PREFIX}…${plaintext.slice(-HINT_TAIL_LENGTH)}`;
