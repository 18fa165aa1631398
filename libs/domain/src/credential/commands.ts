/**
 * What callers ask of a credential. Values that need randomness or keys
 * (ids, secret hashes, jtis) are made at the edge and passed in, so that
 * `decide` stays a pure function.
 */
import type { CreationFields, CredentialChanges } from './fields';

/** A freshly generated secret, already hashed; the plaintext stays with the caller. */
export interface NewSecret {
  readonly secretId: string;
  readonly secretHash: string;
  readonly hint: string;
}

export interface CreateCredential {
  readonly type: 'CreateCredential';
  readonly clientId: string;
  readonly fields: CreationFields;
  readonly firstSecret: NewSecret;
}

export interface UpdateCredential {
  readonly type: 'UpdateCredential';
  readonly changes: CredentialChanges;
}

export interface GenerateSecret {
  readonly type: 'GenerateSecret';
  readonly secret: NewSecret;
  /** Overrides the credential's default secret lifetime. */
  readonly expiresInDays?: number;
}

export interface DeleteSecret {
  readonly type: 'DeleteSecret';
  readonly secretId: string;
  /** Also revoke every active token issued with the secret: it leaked. Routine rotation leaves them be. */
  readonly revokeTokens?: boolean;
}

export interface IssueToken {
  readonly type: 'IssueToken';
  readonly jti: string;
  /** Keyed hash of the secret the client presented, compared in constant time. */
  readonly presentedSecretHash: string;
  readonly sourceIp: string;
  /** Requested scopes; `null` when the request named none (grants every api). */
  readonly requestedScope: readonly string[] | null;
  readonly lifetimeSeconds: number;
}

export interface RevokeToken {
  readonly type: 'RevokeToken';
  readonly jti: string;
}

export interface RevokeCredential {
  readonly type: 'RevokeCredential';
  readonly reason?: string;
}

export type CredentialCommand =
  | CreateCredential
  | UpdateCredential
  | GenerateSecret
  | DeleteSecret
  | IssueToken
  | RevokeToken
  | RevokeCredential;
