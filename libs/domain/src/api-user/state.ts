import type { ApiUserStatus } from './fields';

export interface ExistingApiUser {
  readonly status: ApiUserStatus;
  readonly username: string;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  /** The slow, salted hash; never the password. */
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  /** When the last `BasicAuthenticationUsed` was recorded: the next may come a minute later. */
  readonly useRecordedAt: string | null;
  readonly migratedTo: string | null;
  readonly migratedAt: string | null;
}

export type ApiUserState = { readonly status: 'absent' } | ExistingApiUser;

export const initialApiUserState = (): ApiUserState => ({ status: 'absent' });

export const apiUserExists = (state: ApiUserState): state is ExistingApiUser => state.status !== 'absent';
