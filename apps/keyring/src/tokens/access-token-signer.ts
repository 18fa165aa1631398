/**
 * Signs access tokens as RFC 9068 JWTs (`typ: at+jwt`) with the key ring's
 * current key. The JWS is assembled here and signed with node:crypto rather
 * than through jose: jose 6 signs through WebCrypto, whose asynchronous
 * round trip costs several times the signature itself (about 4k signatures/s
 * against 20k on these machines), and the token endpoint signs on every
 * request. Verification, which is not on that path, stays with jose; the
 * specs verify these tokens with jose, so the two cannot drift apart.
 */
import { KeyObject, sign } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CryptoKey } from 'jose';
import type { SigningAlgorithm } from '../platform/config/keyring-config';
import { SigningKeyRing } from './signing-keys/signing-key-ring';
import type { AccessTokenClaims } from './access-token-claims';

interface PreparedKey {
  readonly key: KeyObject;
  /** The encoded protected header, the same for every token this key signs. */
  readonly header: string;
}

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

function signature(alg: SigningAlgorithm, input: Buffer, key: KeyObject): Buffer {
  // ES256 is SHA-256 with P-256, its signature r‖s (IEEE P1363), not DER (RFC 7518 §3.4).
  return alg === 'ES256' ? sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' }) : sign(null, input, key);
}

@Injectable()
export class AccessTokenSigner {
  private readonly prepared = new WeakMap<CryptoKey, PreparedKey>();

  constructor(private readonly keys: SigningKeyRing) {}

  sign(claims: AccessTokenClaims): string {
    const { kid, alg, key } = this.keys.current();
    const { key: keyObject, header } = this.prepare(key, alg, kid);
    const input = `${header}.${base64url(JSON.stringify(claims))}`;
    return `${input}.${signature(alg, Buffer.from(input), keyObject).toString('base64url')}`;
  }

  private prepare(key: CryptoKey, alg: SigningAlgorithm, kid: string): PreparedKey {
    let prepared = this.prepared.get(key);
    if (!prepared) {
      prepared = { key: KeyObject.from(key), header: base64url(JSON.stringify({ alg, kid, typ: 'at+jwt' })) };
      this.prepared.set(key, prepared);
    }
    return prepared;
  }
}
