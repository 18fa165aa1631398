/**
 * The credential as `evolve` folds it from its events. Times are epoch
 * milliseconds so rules can compare them without parsing.
 */
import type { CredentialFields } from './fields';

export type SecretStatus = 'active' | 'expired' | 'deleted';

export interface SecretRecord {
  readonly secretId: string;
  readonly secretHash: string;
  readonly hint: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly deletedAt: number | null;
  readonly lastUsedAt: number | null;
}

export interface TokenRecord {
  readonly jti: string;
  readonly secretId: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly scope: readonly string[];
  /** The credential's accounts and roles when the token was issued: the claims the token carries. */
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  readonly sourceIp: string;
  readonly revokedAt: number | null;
}

export interface ExistingCredential extends CredentialFields {
  readonly status: 'active' | 'revoked';
  readonly clientId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly revokedAt: number | null;
  readonly lastUsedAt: number | null;
  readonly secrets: readonly SecretRecord[];
  /**
   * Tokens that may still matter. Tokens already expired when a later
   * TokenIssued was recorded are dropped, and revoked ones beyond the
   * KEPT_REVOKED_TOKENS most recently revoked, so state and snapshots stay
   * small however busy the stream (a revoked token is invalid either way).
   */
  readonly tokens: readonly TokenRecord[];
}

export type CredentialState = { readonly status: 'absent' } | ExistingCredential;

/**
 * The version of this state's shape. Snapshots record it, and one of another
 * version is ignored, so bump it whenever `ExistingCredential` or what
 * `evolve` puts in it changes.
 */
export const CREDENTIAL_STATE_VERSION = 2;

export const initialCredentialState = (): CredentialState => ({ status: 'absent' });
