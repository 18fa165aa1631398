/**
 * The API user's decider: a command and the state it meets become events or
 * a refusal. Pure: time is an argument.
 */
import { Refusal } from '../refusal/refusal';
import type { ApiUserCommand } from './commands';
import { type ApiUserEvent, apiUserEvent } from './events';
import { accessViolations, canonicalList, usernameViolations } from './fields';
import {
  apiUserAlreadyExists,
  apiUserAlreadyMigrated,
  apiUserNotFound,
  apiUserValidationFailed,
} from './refusals';
import { type ApiUserState, apiUserExists, type ExistingApiUser } from './state';

/** Successful uses are recorded at most once a minute per user. */
export const BASIC_USE_RECORD_INTERVAL_MS = 60_000;

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** The user, unless it never existed or was deleted: both read as "not found". */
function living(state: ApiUserState): ExistingApiUser {
  if (!apiUserExists(state) || state.status === 'deleted') throw apiUserNotFound();
  return state;
}

function validated<Value>(violations: ReturnType<typeof accessViolations>, value: Value): Value {
  if (violations.length > 0) throw apiUserValidationFailed(violations);
  return value;
}

/** Throws the refusal; returns the events to record (none: nothing to change). */
export function decideApiUser(command: ApiUserCommand, state: ApiUserState, now: Date): ApiUserEvent[] {
  const at = now.toISOString();
  if (command.type === 'CreateApiUser') {
    const { username, passwordHash } = command;
    const violations = [...usernameViolations(username), ...accessViolations(command)];
    validated(violations, null);
    if (apiUserExists(state)) throw apiUserAlreadyExists(username);
    const accounts = canonicalList(command.accounts);
    const roles = canonicalList(command.roles);
    return [apiUserEvent('ApiUserCreated', { username, accounts, roles, passwordHash, createdAt: at })];
  }
  const user = living(state);
  const { username } = user;
  switch (command.type) {
    case 'SetApiUserPassword':
      return [
        apiUserEvent('ApiUserPasswordSet', { username, passwordHash: command.passwordHash, setAt: at }),
      ];
    case 'ChangeApiUserAccess': {
      validated(accessViolations(command.changes), null);
      const changes: { accounts?: readonly string[]; roles?: readonly string[] } = {};
      for (const field of ['accounts', 'roles'] as const) {
        const wanted = command.changes[field];
        if (wanted !== undefined && !sameList(canonicalList(wanted), user[field]))
          changes[field] = canonicalList(wanted);
      }
      if (Object.keys(changes).length === 0) return [];
      return [apiUserEvent('ApiUserAccessChanged', { username, changes, changedAt: at })];
    }
    case 'DisableApiUser':
      return user.status === 'disabled'
        ? []
        : [apiUserEvent('ApiUserDisabled', { username, disabledAt: at })];
    case 'EnableApiUser':
      return user.status === 'active' ? [] : [apiUserEvent('ApiUserEnabled', { username, enabledAt: at })];
    case 'DeleteApiUser':
      return [apiUserEvent('ApiUserDeleted', { username, deletedAt: at })];
    case 'RecordApiUserMigration': {
      if (user.migratedTo !== null) throw apiUserAlreadyMigrated(user.migratedTo);
      const migrated = apiUserEvent('ApiUserMigrated', {
        username,
        clientId: command.clientId,
        migratedAt: at,
      });
      return command.disableBasic && user.status === 'active'
        ? [migrated, apiUserEvent('ApiUserDisabled', { username, disabledAt: at })]
        : [migrated];
    }
    case 'RecordBasicUse': {
      if (command.count < 1) throw new Refusal('VALIDATION_FAILED', 'A use record counts at least one use');
      const last = user.useRecordedAt === null ? null : Date.parse(user.useRecordedAt);
      if (last !== null && now.getTime() - last < BASIC_USE_RECORD_INTERVAL_MS) return [];
      const { count, firstUsedAt } = command;
      return [apiUserEvent('BasicAuthenticationUsed', { username, count, firstUsedAt, lastUsedAt: at })];
    }
    case 'RecordBasicRefusal': {
      const { reason, sourceIp } = command;
      return [apiUserEvent('BasicAuthenticationRefused', { username, reason, sourceIp, refusedAt: at })];
    }
  }
}
