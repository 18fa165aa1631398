/**
 * A caller's reach: the accounts it may see and manage. `*` reaches every
 * account. A credential is within reach when every one of its accounts is,
 * so an administrator of account A never sees (or learns of) a credential
 * that also acts on account B; only a `*` caller reaches a `*` credential.
 */
import { Refusal } from '../refusal/refusal';
import type { CredentialCommand } from './commands';
import { ALL_ACCOUNTS } from './fields';
import { credentialNotFound } from './refusals';
import type { CredentialState } from './state';

export interface AccountReach {
  readonly accounts: readonly string[];
}

/** The CLI and other trusted in-process callers. */
export const UNLIMITED_REACH: AccountReach = { accounts: [ALL_ACCOUNTS] };

export function reachesEveryAccount(reach: AccountReach): boolean {
  return reach.accounts.includes(ALL_ACCOUNTS);
}

export function withinReach(reach: AccountReach, accounts: readonly string[]): boolean {
  return reachesEveryAccount(reach) || accounts.every((account) => reach.accounts.includes(account));
}

export function outOfReach(reach: AccountReach, accounts: readonly string[]): string[] {
  if (reachesEveryAccount(reach)) return [];
  return accounts.filter((account) => !reach.accounts.includes(account));
}

/** A change would give a credential accounts the caller does not manage. */
export const accountOutOfReach = (accounts: readonly string[]): Refusal<'ACCOUNT_OUT_OF_REACH'> =>
  new Refusal(
    'ACCOUNT_OUT_OF_REACH',
    `You may only manage credentials within your own accounts; not yours: ${accounts.join(', ')}. ` +
      'Ask an administrator of those accounts',
  );

/** The accounts a command would give its credential, when it sets them. */
function accountsSetBy(command: CredentialCommand): readonly string[] | undefined {
  if (command.type === 'CreateCredential') return command.fields.accounts;
  if (command.type === 'UpdateCredential') return command.changes.accounts;
  return undefined;
}

/**
 * Refuses a command that reaches past the caller's accounts: a credential
 * outside them is "not found" (no disclosure); giving one accounts outside
 * them is forbidden.
 */
export function assertWithinReach(
  reach: AccountReach,
  state: CredentialState,
  command?: CredentialCommand,
): void {
  if (state.status !== 'absent' && !withinReach(reach, state.accounts)) {
    throw credentialNotFound();
  }
  const accounts = command && accountsSetBy(command);
  const outside = accounts ? outOfReach(reach, accounts) : [];
  if (outside.length > 0) throw accountOutOfReach(outside);
}
