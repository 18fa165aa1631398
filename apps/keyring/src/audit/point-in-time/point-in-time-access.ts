/**
 * Answers "which credentials could obtain a token for account X at instant
 * T, with which secrets" by replaying the event store and folding each
 * credential's events up to T (`PointInTimeFold`), never from current state.
 * It reads the whole log: a compliance question, asked rarely.
 */
import { clientIdOfStream, isoFromEpoch, PointInTimeFold } from '@keyring/domain';
import type { EventStore } from '@keyring/event-store';
import type { AccountReach } from '@keyring/domain';
import { isWithinReach } from '../../credential-store/caller-reach';
import type { CredentialView, SecretView, ShownField } from '../../projection/credentials/credential.view';
import { fromRecordedEvent } from '../../credential-store/event-envelope';

/** What the answer shows of a secret: when it was valid, never its status today. */
type AccessSecret = Pick<SecretView, 'secretId' | 'hint' | 'createdAt' | 'expiresAt'>;

/** What the answer shows of a credential: what a view shows but the description, and the secrets valid then. */
type AccessCredential = Pick<CredentialView, 'clientId' | Exclude<ShownField, 'description'>> & {
  readonly secrets: readonly AccessSecret[];
};

export interface AccessAtInstant {
  readonly account: string;
  readonly at: string;
  readonly credentials: readonly AccessCredential[];
}

export class PointInTimeAccess {
  constructor(private readonly store: EventStore) {}

  async accessAt(account: string, at: Date, reach: AccountReach): Promise<AccessAtInstant> {
    const fold = new PointInTimeFold(at);
    for await (const recorded of this.store.readAll()) {
      const clientId = clientIdOfStream(recorded.stream);
      if (clientId !== null) fold.add(clientId, fromRecordedEvent(recorded));
    }
    const credentials = fold
      .accessFor(account)
      // The caller sees only credentials wholly within its accounts, as everywhere else.
      .filter(({ credential }) => isWithinReach(reach, credential.accounts))
      .sort((a, b) => a.credential.createdAt - b.credential.createdAt)
      .map(({ credential, secrets }) => ({
        clientId: credential.clientId,
        name: credential.name,
        environment: credential.environment,
        accounts: credential.accounts,
        roles: credential.roles,
        apis: credential.apis,
        allowedIps: credential.allowedIps,
        secrets: secrets.map((secret) => ({
          secretId: secret.secretId,
          hint: secret.hint,
          createdAt: isoFromEpoch(secret.createdAt),
          expiresAt: isoFromEpoch(secret.expiresAt),
        })),
      }));
    return { account, at: at.toISOString(), credentials };
  }
}
