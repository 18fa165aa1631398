/** Signs access tokens as RFC 9068 JWTs (`typ: at+jwt`) with the key ring's current key. */
import { Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { SigningKeyRing } from '../signing-keys/signing-key-ring';
import type { AccessTokenClaims } from './access-token-claims';

@Injectable()
export class AccessTokenSigner {
  constructor(private readonly keys: SigningKeyRing) {}

  sign(claims: AccessTokenClaims): Promise<string> {
    const { kid, alg, key } = this.keys.current();
    return new SignJWT({ ...claims }).setProtectedHeader({ alg, kid, typ: 'at+jwt' }).sign(key);
  }
}
