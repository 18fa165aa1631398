/**
 * Turns the stored key ring into ready-to-use keys, once per load, so that
 * signing and verifying never parse a JWK. Only the current key's private
 * half is imported, non-extractable; the others are kept public only.
 */
import { type CryptoKey, importJWK, type JWK } from 'jose';
import type { SigningAlgorithm } from '../../platform/config/keyring-config';
import { type KeyRing, publishedUntil, type StoredSigningKey } from './key-ring';
import { KeyRingFileError } from './key-ring-file-error';

export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly key: CryptoKey;
}

export interface VerificationKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  /** The public key as published in the JWKS. */
  readonly publicJwk: Readonly<JWK>;
  readonly key: CryptoKey;
  /** Epoch milliseconds; Infinity for the current key. */
  readonly publishedUntil: number;
}

export interface ImportedKeyRing {
  readonly signing: SigningKey;
  /** The current key first, then the retired ones, most recently retired first. */
  readonly verification: readonly VerificationKey[];
}

/** The JWK members that make up the public key; everything else (`d` above all) stays out of the JWKS. */
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y'] as const;

export async function importKeyRing(
  ring: KeyRing,
  file: string,
  maxTokenTtlSeconds: number,
): Promise<ImportedKeyRing> {
  const imported = await Promise.all(
    ring.keys.map(async (stored, index) => {
      try {
        return await importKey(stored, maxTokenTtlSeconds);
      } catch {
        // WebCrypto's reasons say nothing an operator can act on beyond "this key is broken".
        throw new KeyRingFileError(file, `keys[${index}] is not a usable ${stored.alg} key`);
      }
    }),
  );
  const verification = imported
    .map(({ verification }) => verification)
    .sort((a, b) => b.publishedUntil - a.publishedUntil);
  const signing = imported.find(({ signing }) => signing)?.signing;
  if (!signing) throw new KeyRingFileError(file, 'it has no current key');
  return { signing, verification };
}

async function importKey(stored: StoredSigningKey, maxTokenTtlSeconds: number) {
  const { kid, alg } = stored;
  const publicJwk: JWK = Object.freeze({ ...publicMembers(stored.privateJwk), kid, alg, use: 'sig' });
  const verification: VerificationKey = {
    kid,
    alg,
    publicJwk,
    key: (await importJWK(publicJwk, alg)) as CryptoKey,
    publishedUntil: publishedUntil(stored, maxTokenTtlSeconds),
  };
  if (stored.retiredAt !== null) return { verification, signing: undefined };
  const signing: SigningKey = { kid, alg, key: (await importJWK(stored.privateJwk, alg)) as CryptoKey };
  return { verification, signing };
}

function publicMembers(jwk: JWK): JWK {
  const members: Record<string, unknown> = {};
  for (const member of PUBLIC_MEMBERS) if (jwk[member] !== undefined) members[member] = jwk[member];
  return members as JWK;
}
