/** Makes a new signing key, named by the RFC 7638 thumbprint of its public key. */
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { SigningAlgorithm } from '../../platform/config/keyring-config';
import type { StoredSigningKey } from './key-ring';

export async function generateSigningKey(alg: SigningAlgorithm, now: Date): Promise<StoredSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'EdDSA' && { crv: 'Ed25519' }),
  });
  return {
    kid: await calculateJwkThumbprint(await exportJWK(publicKey)),
    alg,
    privateJwk: await exportJWK(privateKey),
    createdAt: now.toISOString(),
    retiredAt: null,
  };
}
