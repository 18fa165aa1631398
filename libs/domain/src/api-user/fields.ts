/**
 * An API user's fields and their rules: the legacy machine access that
 * client credentials replace. Usernames are case-sensitive and never change;
 * accounts and roles follow the credential's own patterns, since a migration
 * carries them over unchanged.
 */
import type { FieldViolation } from '../refusal/refusal';
import { ACCOUNT_ID_PATTERN, ALL_ACCOUNTS, FIELD_LIMITS, ROLE_PATTERN } from '../credential/fields';

export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

export const PASSWORD_LIMITS = {
  /** A password an administrator chooses; generated ones carry at least 128 bits. */
  minLength: 16,
  maxLength: 256,
} as const;

export const API_USER_STATUSES = ['active', 'disabled', 'deleted'] as const;
export type ApiUserStatus = (typeof API_USER_STATUSES)[number];

export interface ApiUserAccess {
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
}

export type ApiUserAccessChanges = Partial<ApiUserAccess>;

export function usernameViolations(username: unknown): FieldViolation[] {
  return typeof username === 'string' && USERNAME_PATTERN.test(username)
    ? []
    : [{ field: 'username', message: `username must be 1-64 characters of ${USERNAME_PATTERN.source}` }];
}

function listViolations(
  field: keyof ApiUserAccess,
  values: readonly string[],
  pattern: RegExp,
  max: number,
): FieldViolation[] {
  if (values.length === 0) return [{ field, message: `${field} must hold at least one value` }];
  if (values.length > max) return [{ field, message: `${field} may hold at most ${max} values` }];
  return values.flatMap((value, index) =>
    pattern.test(value) ? [] : [{ field: `${field}[${index}]`, message: `must match ${pattern.source}` }],
  );
}

const isAccount = { test: (value: string) => value === ALL_ACCOUNTS || ACCOUNT_ID_PATTERN.test(value) };

/** Violations of the accounts and roles given (an update checks only what it changes). */
export function accessViolations(access: ApiUserAccessChanges): FieldViolation[] {
  return [
    ...(access.accounts === undefined
      ? []
      : listViolations('accounts', access.accounts, isAccount as RegExp, FIELD_LIMITS.maxAccounts)),
    ...(access.roles === undefined
      ? []
      : listViolations('roles', access.roles, ROLE_PATTERN, FIELD_LIMITS.maxRoles)),
  ];
}

/** Sorted, without duplicates: equal sets read alike in events and answers. */
export const canonicalList = (values: readonly string[]): readonly string[] => [...new Set(values)].sort();
