/** A new secret as returned to its caller: the only time its plaintext leaves the service. */
import { randomUUID } from 'node:crypto';
import { type ExistingCredential, isoFromEpoch, type NewSecret } from '@keyring/domain';
import type { ClientSecretHasher } from '../credential-store/secrets/client-secret';

export interface IssuedSecretView {
  readonly secretId: string;
  readonly clientSecret: string;
  readonly hint: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface PendingSecret {
  readonly command: NewSecret;
  readonly plaintext: string;
}

export function newSecret(hasher: ClientSecretHasher): PendingSecret {
  const generated = hasher.generate();
  return {
    command: { secretId: randomUUID(), secretHash: generated.hash, hint: generated.hint },
    plaintext: generated.plaintext,
  };
}

export function issuedSecretView(state: ExistingCredential, pending: PendingSecret): IssuedSecretView {
  const secret = state.secrets.find((candidate) => candidate.secretId === pending.command.secretId);
  if (!secret) throw new Error(`Secret ${pending.command.secretId} missing after it was generated`);
  return {
    secretId: secret.secretId,
    clientSecret: pending.plaintext,
    hint: secret.hint,
    createdAt: isoFromEpoch(secret.createdAt),
    expiresAt: isoFromEpoch(secret.expiresAt),
  };
}
