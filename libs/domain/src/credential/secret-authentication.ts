/**
 * Finds the secret a client authenticated with. The presented hash is
 * compared with every stored hash in constant time and without stopping at a
 * match, so response timing reveals neither whether nor which secret matched.
 */
import { timingSafeEqual } from 'node:crypto';
import { secretStatus } from './queries';
import type { ExistingCredential, SecretRecord } from './state';

function sameHash(presented: Buffer, stored: Buffer): boolean {
  // timingSafeEqual needs equal lengths; comparing with itself keeps the work alike when they differ.
  if (presented.length !== stored.length) {
    timingSafeEqual(presented, presented);
    return false;
  }
  return timingSafeEqual(presented, stored);
}

/** The active secret whose hash equals the presented one; a deleted or expired secret never authenticates. */
export function authenticatingSecret(
  state: ExistingCredential,
  presentedSecretHash: string,
  now: Date,
): SecretRecord | null {
  const presented = Buffer.from(presentedSecretHash, 'utf8');
  let authenticated: SecretRecord | null = null;
  for (const secret of state.secrets) {
    const matches = sameHash(presented, Buffer.from(secret.secretHash, 'utf8'));
    if (matches && authenticated === null && secretStatus(secret, now) === 'active') authenticated = secret;
  }
  return authenticated;
}
