/**
 * What a Basic authentication proves, decided on the user's state once its
 * password was checked (or a dummy hash, for a username that does not
 * exist). Unknown, wrong and disabled read the same to the caller; only
 * the retirement says why, because then nothing the caller does can help.
 */
import type { BasicRefusalReason } from './events';
import { isBasicAuthRetired } from './retirement';
import type { ApiUserState } from './state';

export type BasicAuthentication =
  | {
      readonly active: true;
      readonly username: string;
      readonly accounts: readonly string[];
      readonly roles: readonly string[];
    }
  | {
      readonly active: false;
      /** What the records say: null for a username that does not exist (nothing to record it on). */
      readonly recorded: BasicRefusalReason | null;
      /** Told to the caller: only the retirement. */
      readonly reason?: 'basic_auth_retired';
    };

export function authenticateBasic(
  state: ApiUserState,
  passwordMatches: boolean,
  now: Date,
  retiresAt: Date,
): BasicAuthentication {
  const exists = state.status !== 'absent';
  if (isBasicAuthRetired(now, retiresAt)) {
    return { active: false, recorded: exists ? 'basic_auth_retired' : null, reason: 'basic_auth_retired' };
  }
  if (!exists) return { active: false, recorded: null };
  if (state.status === 'deleted') return { active: false, recorded: 'deleted' };
  if (!passwordMatches) return { active: false, recorded: 'wrong_password' };
  if (state.status === 'disabled') return { active: false, recorded: 'disabled' };
  return { active: true, username: state.username, accounts: state.accounts, roles: state.roles };
}
