/**
 * Decides whether an access token is active: signed by one of our published
 * keys, issued by us for our audience, unexpired — and, from the
 * event-sourced state, its credential still active and the token itself
 * neither revoked nor expired. Revocation therefore takes effect at once and
 * survives restarts.
 */
import { Inject, Injectable } from '@nestjs/common';
import { type ExistingCredential, isTokenActive } from '@keyring/domain';
import { errors, jwtVerify, type JWTHeaderParameters } from 'jose';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { UUID_PATTERN } from '@keyring/domain';
import { CredentialRepository } from '../credential-store/credential.repository';
import { SigningKeyRing } from './signing-keys/signing-key-ring';
import { type AccessTokenClaims, asAccessTokenClaims } from './access-token-claims';

export interface ActiveAccessToken {
  readonly claims: AccessTokenClaims;
  /** The credential as it is now, not as it was when the token was issued. */
  readonly credential: ExistingCredential;
}

/** Longer strings are not tokens this service made; refuse them before any parsing. */
const MAX_TOKEN_LENGTH = 8192;
const ALGORITHMS = ['ES256', 'EdDSA'];

@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly keys: SigningKeyRing,
    private readonly repository: CredentialRepository,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The claims of an unexpired token this service signed, whatever its state; null for any other string. */
  async verifiedClaims(token: string): Promise<AccessTokenClaims | null> {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    try {
      const { payload } = await jwtVerify(token, (header: JWTHeaderParameters) => this.keyFor(header), {
        issuer: this.config.tokens.issuer,
        audience: this.config.tokens.audience,
        typ: 'at+jwt',
        algorithms: ALGORITHMS,
        currentDate: this.clock(),
        requiredClaims: ['jti', 'iat', 'exp', 'sub', 'client_id'],
      });
      return asAccessTokenClaims(payload);
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }

  async active(token: string): Promise<ActiveAccessToken | null> {
    const claims = await this.verifiedClaims(token);
    return claims ? this.stillActive(claims) : null;
  }

  /** Whether a token whose signature was verified earlier is active now: a long-lived call asks again and again. */
  async stillActive(claims: AccessTokenClaims): Promise<ActiveAccessToken | null> {
    if (!UUID_PATTERN.test(claims.client_id)) return null;
    const { state } = await this.repository.load(claims.client_id);
    if (state.status !== 'active' || !isTokenActive(state, claims.jti, this.clock())) return null;
    return { claims, credential: state };
  }

  private keyFor(header: JWTHeaderParameters) {
    const key = this.keys.keyFor(header);
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key;
  }
}
