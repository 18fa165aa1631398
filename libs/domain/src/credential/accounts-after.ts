/**
 * What `evolve` does to a credential's accounts, for followers that track
 * only them (the audit log, its verifier) and must not fold whole states
 * for every event they see.
 */
import type { CredentialEvent } from './events';
import { eventApplies } from './evolve';

/**
 * The accounts a credential acts on after `event`, given those before it
 * (empty while it does not exist: a credential always has at least one).
 */
export function accountsAfter(event: CredentialEvent, before: readonly string[]): readonly string[] {
  if (!eventApplies(event, before.length > 0)) return before;
  if (event.type === 'CredentialCreated') return event.data.accounts;
  if (event.type === 'CredentialUpdated') return event.data.changes.accounts ?? before;
  return before;
}
