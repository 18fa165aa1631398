/** An API user as every answer shows it, from the command side's state: never its password hash. */
import type { ExistingApiUser } from '@keyring/domain';
import type { ApiUserView } from '../projection/api-users/api-user-reader';

export type { ApiUserView };

export const apiUserViewOf = (state: ExistingApiUser, updatedAt: string): ApiUserView => ({
  username: state.username,
  accounts: state.accounts,
  roles: state.roles,
  status: state.status,
  createdAt: state.createdAt,
  updatedAt,
  lastUsedAt: state.lastUsedAt,
  migratedTo: state.migratedTo,
  migratedAt: state.migratedAt,
});

export interface IssuedPasswordView {
  readonly apiUser: ApiUserView;
  /** Shown once, in this answer only. */
  readonly password: string;
}
