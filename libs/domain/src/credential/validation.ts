/**
 * Whole-credential validation, shared by `decide` and by edges that want to
 * report problems before sending a command. Every problem is collected, so
 * one refusal lists them all.
 */
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
import { checkFields, type FieldCheckers } from './field-check';
import {
  CHANGEABLE_FIELDS,
  type CreationFields,
  type CredentialChanges,
  type CredentialFieldName,
  type CredentialFields,
} from './fields';
import { type CredentialPolicy, DEFAULT_POLICY } from './policy';

/**
 * One check per field, in the fields' own order: the order of a creation
 * event's data and of the violations a caller reads.
 */
const fieldCheckers = (policy: CredentialPolicy): FieldCheckers<CredentialFields> => ({
  name: checkName,
  description: checkDescription,
  environment: checkEnvironment,
  accounts: checkAccounts,
  roles: (value) => checkRoles(value, policy),
  apis: (value) => checkApis(value, policy),
  allowedIps: checkAllowedIps,
  secretLifetimeDays: (value) => checkSecretLifetimeDays(value),
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The fields after validation: defaults applied, names trimmed, IP rules canonical, duplicates gone. */
export function checkCredentialFields(
  fields: CreationFields,
  policy: CredentialPolicy,
): FieldCheck<CredentialFields> {
  const checkers = fieldCheckers(policy);
  const everyField = Object.keys(checkers) as CredentialFieldName[];
  return checkFields(checkers, isRecord(fields) ? fields : {}, everyField);
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
  return checkFields(fieldCheckers(policy), changes, given);
}

/** Every problem with a new credential's fields; empty when it may be created. */
export const validateCredentialFields = (
  fields: CreationFields,
  policy: CredentialPolicy = DEFAULT_POLICY,
): FieldViolation[] => [...checkCredentialFields(fields, policy).violations];

/** Every problem with an update's fields, including an update that changes nothing; empty when valid. */
export const validateChanges = (
  changes: CredentialChanges,
  policy: CredentialPolicy = DEFAULT_POLICY,
): FieldViolation[] => [...checkChanges(changes, policy).violations];
