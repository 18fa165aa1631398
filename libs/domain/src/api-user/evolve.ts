import type { ApiUserEvent } from './events';
import { type ApiUserState, apiUserExists, initialApiUserState } from './state';

export function evolveApiUser(state: ApiUserState, event: ApiUserEvent): ApiUserState {
  if (event.type === 'ApiUserCreated') {
    const { username, accounts, roles, passwordHash, createdAt } = event.data;
    return {
      status: 'active',
      username,
      accounts,
      roles,
      passwordHash,
      createdAt,
      lastUsedAt: null,
      useRecordedAt: null,
      migratedTo: null,
      migratedAt: null,
    };
  }
  if (!apiUserExists(state)) return state;
  switch (event.type) {
    case 'ApiUserPasswordSet':
      return { ...state, passwordHash: event.data.passwordHash };
    case 'ApiUserAccessChanged':
      return { ...state, ...event.data.changes };
    case 'ApiUserDisabled':
      return { ...state, status: 'disabled' };
    case 'ApiUserEnabled':
      return { ...state, status: 'active' };
    case 'ApiUserDeleted':
      // Permanent: the hash goes with it, so nothing can ever authenticate again.
      return { ...state, status: 'deleted', passwordHash: '' };
    case 'ApiUserMigrated':
      return { ...state, migratedTo: event.data.clientId, migratedAt: event.data.migratedAt };
    case 'BasicAuthenticationUsed':
      return { ...state, lastUsedAt: event.data.lastUsedAt, useRecordedAt: event.data.lastUsedAt };
    case 'BasicAuthenticationRefused':
      return state;
  }
}

export const foldApiUser = (events: readonly ApiUserEvent[]): ApiUserState =>
  events.reduce(evolveApiUser, initialApiUserState());
