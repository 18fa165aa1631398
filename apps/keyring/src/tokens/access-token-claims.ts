/** The claims of a Keyring access token: RFC 9068's, plus the credential's accounts and roles. */
import type { JWTPayload } from 'jose';

export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly client_id: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
  /** Space-delimited, as in RFC 8693 §4.2. */
  readonly scope: string;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A verified payload is only trusted further once it has every claim this service puts in. */
export function asAccessTokenClaims(payload: JWTPayload): AccessTokenClaims | null {
  const { iss, sub, aud, iat, exp, jti } = payload;
  const { client_id: clientId, scope, accounts, roles } = payload as Record<string, unknown>;
  const complete =
    typeof iss === 'string' &&
    typeof sub === 'string' &&
    typeof clientId === 'string' &&
    clientId === sub &&
    typeof aud === 'string' &&
    typeof iat === 'number' &&
    typeof exp === 'number' &&
    typeof jti === 'string' &&
    typeof scope === 'string' &&
    isStringArray(accounts) &&
    isStringArray(roles);
  if (!complete) return null;
  return { iss, sub, client_id: clientId, aud, iat, exp, jti, scope, accounts, roles };
}
