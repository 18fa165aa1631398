/**
 * Whole-credential validation, shared by `decide` and by edges that want to
 * report problems before sending a command. Every problem is collected, so
 * one refusal lists them all.
 */
import type { CredentialFields, UpdateCredential } from './commands';
import type { FieldViolation } from '../refusal/refusal';
import {
  checkAccounts,
  checkAllowedIps,
  checkApis,
  checkDescription,
  checkEnvironment,
  checkName,
  checkRoles,
  checkSecretLifetimeDays,
  type FieldCheck,
} from './field-rules';
import type { Environment } from './fields';
import { type CredentialPolicy, DEFAULT_POLICY } from './policy';

/** Credential fields after validation: defaults applied, names trimmed, IP rules canonical, duplicates gone. */
export interface NormalizedCredentialFields {
  readonly name: string;
  readonly description: string;
  readonly environment: Environment;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  readonly apis: readonly string[];
  readonly allowedIps: readonly string[];
  readonly secretLifetimeDays: number;
}

export type CredentialChanges = UpdateCredential['changes'];

const CHANGEABLE_FIELDS = ['name', 'description', 'accounts', 'roles', 'apis', 'allowedIps'] as const;
type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

const fieldCheckers = (
  policy: CredentialPolicy,
): Record<ChangeableField, (value: unknown) => FieldCheck<unknown>> => ({
  name: checkName,
  description: checkDescription,
  accounts: checkAccounts,
  roles: (value) => checkRoles(value, policy),
  apis: checkApis,
  allowedIps: checkAllowedIps,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function checkCredentialFields(
  fields: CredentialFields,
  policy: CredentialPolicy,
): FieldCheck<NormalizedCredentialFields> {
  const input: Record<string, unknown> = isRecord(fields) ? fields : {};
  const name = checkName(input.name);
  const description = checkDescription(input.description);
  const environment = checkEnvironment(input.environment);
  const accounts = checkAccounts(input.accounts);
  const roles = checkRoles(input.roles, policy);
  const apis = checkApis(input.apis);
  const allowedIps = checkAllowedIps(input.allowedIps);
  const secretLifetimeDays = checkSecretLifetimeDays(input.secretLifetimeDays);
  return {
    value: {
      name: name.value,
      description: description.value,
      environment: environment.value,
      accounts: accounts.value,
      roles: roles.value,
      apis: apis.value,
      allowedIps: allowedIps.value,
      secretLifetimeDays: secretLifetimeDays.value,
    },
    violations: [
      name,
      description,
      environment,
      accounts,
      roles,
      apis,
      allowedIps,
      secretLifetimeDays,
    ].flatMap((check) => check.violations),
  };
}

/** Checks the fields given in an update; absent fields stay as they are, but a given list may not be empty. */
export function checkChanges(
  changes: CredentialChanges,
  policy: CredentialPolicy,
): FieldCheck<CredentialChanges> {
  if (!isRecord(changes)) {
    return {
      value: {},
      violations: [{ field: 'changes', message: 'changes must be an object of fields to update' }],
    };
  }
  const given = CHANGEABLE_FIELDS.filter((field) => changes[field] !== undefined);
  if (given.length === 0) {
    const message = `give at least one field to change: ${CHANGEABLE_FIELDS.join(', ')}`;
    return { value: {}, violations: [{ field: 'changes', message }] };
  }
  const checkers = fieldCheckers(policy);
  const checks = given.map((field) => [field, checkers[field](changes[field])] as const);
  return {
    value: Object.fromEntries(checks.map(([field, check]) => [field, check.value])),
    violations: checks.flatMap(([, check]) => check.violations),
  };
}

/** Every problem with a new credential's fields; empty when it may be created. */
export const validateCredentialFields = (
  fields: CredentialFields,
  policy: CredentialPolicy = DEFAULT_POLICY,
): FieldViolation[] => [...checkCredentialFields(fields, policy).violations];

/** Every problem with an update's fields, including an update that changes nothing; empty when valid. */
export const validateChanges = (
  changes: CredentialChanges,
  policy: CredentialPolicy = DEFAULT_POLICY,
): FieldViolation[] => [...checkChanges(changes, policy).violations];
