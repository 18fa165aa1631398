/**
 * "Who could reach account X at instant T": answered by folding each
 * credential's events that had taken effect by T, never from today's state.
 */
import { ALL_ACCOUNTS } from './fields';
import type { CredentialEvent } from './events';
import { evolve } from './evolve';
import { activeSecrets } from './queries';
import {
  type CredentialState,
  type ExistingCredential,
  initialCredentialState,
  type SecretRecord,
} from './state';
import { epochFromIso } from './time';

/** When an event took effect, by its own timestamp (epoch ms). */
export function effectiveAt(event: CredentialEvent): number {
  switch (event.type) {
    case 'CredentialCreated':
      return epochFromIso(event.data.createdAt);
    case 'CredentialUpdated':
      return epochFromIso(event.data.updatedAt);
    case 'SecretGenerated':
      return epochFromIso(event.data.createdAt);
    case 'SecretDeleted':
      return epochFromIso(event.data.deletedAt);
    case 'TokenIssued':
      return epochFromIso(event.data.issuedAt);
    case 'TokenRevoked':
      return epochFromIso(event.data.revokedAt);
    case 'CredentialRevoked':
      return epochFromIso(event.data.revokedAt);
    case 'TokenRequestRefused':
      return epochFromIso(event.data.refusedAt);
    case 'TokenRequestRefusalsCounted':
      return epochFromIso(event.data.lastRefusedAt);
  }
}

/** Token traffic changes nothing about who may obtain a token, so the fold may skip it. */
export const affectsAccess = (event: CredentialEvent): boolean =>
  event.type !== 'TokenIssued' &&
  event.type !== 'TokenRevoked' &&
  event.type !== 'TokenRequestRefused' &&
  event.type !== 'TokenRequestRefusalsCounted';

/** Folds a credential's history as it stood at `at`: events that took effect later are left out. */
export class PointInTimeFold {
  private readonly states = new Map<string, CredentialState>();

  constructor(private readonly at: Date) {}

  add(clientId: string, event: CredentialEvent): void {
    if (!affectsAccess(event) || effectiveAt(event) > this.at.getTime()) return;
    this.states.set(clientId, evolve(this.states.get(clientId) ?? initialCredentialState(), event));
  }

  /** The credentials that could obtain a token for `account` at the instant, each with the secrets valid then. */
  accessFor(
    account: string,
  ): { readonly credential: ExistingCredential; readonly secrets: SecretRecord[] }[] {
    const access = [];
    for (const state of this.states.values()) {
      if (state.status !== 'active') continue;
      if (!state.accounts.includes(account) && !state.accounts.includes(ALL_ACCOUNTS)) continue;
      const secrets = activeSecrets(state, this.at);
      if (secrets.length > 0) access.push({ credential: state, secrets });
    }
    return access;
  }
}
