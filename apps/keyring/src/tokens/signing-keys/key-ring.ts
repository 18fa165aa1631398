/**
 * The key ring as stored: every private signing key with when it was made
 * and retired. Exactly one key is not retired: the current key, which signs
 * new tokens. A retired key stays published until every token it signed has
 * expired, so resource servers can still verify them.
 */
import type { JWK } from 'jose';
import type { SigningAlgorithm } from '../../platform/config/keyring-config';

export const KEY_RING_FORMAT_VERSION = 1;

/** A resource server whose clock runs behind still accepts a token this much after it expired. */
export const CLOCK_SKEW_SECONDS = 60;

export interface StoredSigningKey {
  /** RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateJwk: JWK;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601; null for the current key. */
  readonly retiredAt: string | null;
}

export interface KeyRing {
  readonly version: typeof KEY_RING_FORMAT_VERSION;
  readonly keys: readonly StoredSigningKey[];
}

export function currentKey(ring: KeyRing): StoredSigningKey {
  const current = ring.keys.find((key) => key.retiredAt === null);
  if (!current) throw new Error('The signing key ring has no current key');
  return current;
}

/** Epoch milliseconds after which no token signed by the key can still be accepted; the current key: never. */
export function publishedUntil(key: StoredSigningKey, maxTokenTtlSeconds: number): number {
  if (key.retiredAt === null) return Infinity;
  return Date.parse(key.retiredAt) + (maxTokenTtlSeconds + CLOCK_SKEW_SECONDS) * 1000;
}

export function isPublished(key: StoredSigningKey, now: Date, maxTokenTtlSeconds: number): boolean {
  return now.getTime() <= publishedUntil(key, maxTokenTtlSeconds);
}
