/**
 * One rule per credential field. Each check returns the normalised value
 * together with every problem it found, so a caller learns all of them at once.
 * Inputs are `unknown` because edges may hand over raw JSON.
 */
import { checkList, type FieldCheck, fine, matching, quoted, refused } from './field-check';
import {
  ACCOUNT_ID_PATTERN,
  ALL_ACCOUNTS,
  ENVIRONMENTS,
  type Environment,
  FIELD_LIMITS,
  ROLE_PATTERN,
  SCOPE_TOKEN_PATTERN,
} from './fields';
import { ipOrCidrProblem, normalizeIpOrCidr } from './ip-rules';
import { type CredentialPolicy, grantableApis, grantableRoles } from './policy';
import { carriesSecret } from './echo';
import { spoofingTextProblem } from './text-rules';

export type { FieldCheck } from './field-check';

/** Characters as people count them (an emoji is one), matching the edges' length checks. */
const characterCount = (text: string): number => [...text].length;

export function checkName(value: unknown): FieldCheck<string> {
  const max = FIELD_LIMITS.nameMaxLength;
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length === 0) {
    return refused(name, 'name', `name is required: 1–${max} characters, not only spaces`);
  }
  const length = characterCount(name);
  if (length > max) return refused(name, 'name', `name must be at most ${max} characters (got ${length})`);
  const spoofing = spoofingTextProblem(name, 'name', { multiline: false });
  if (spoofing !== null) return refused(name, 'name', spoofing);
  return fine(name);
}

export function checkDescription(value: unknown): FieldCheck<string> {
  const max = FIELD_LIMITS.descriptionMaxLength;
  if (value === undefined) return fine('');
  if (typeof value !== 'string') {
    return refused('', 'description', `description must be text of at most ${max} characters`);
  }
  const length = characterCount(value);
  if (length > max) {
    return refused(value, 'description', `description must be at most ${max} characters (got ${length})`);
  }
  const spoofing = spoofingTextProblem(value, 'description', { multiline: true });
  if (spoofing !== null) return refused(value, 'description', spoofing);
  return fine(value);
}

export function checkEnvironment(value: unknown): FieldCheck<Environment> {
  if (ENVIRONMENTS.includes(value as Environment)) return fine(value as Environment);
  return refused(ENVIRONMENTS[0], 'environment', `environment must be one of ${ENVIRONMENTS.join(', ')}`);
}

export function checkSecretLifetimeDays(value: unknown, field = 'secretLifetimeDays'): FieldCheck<number> {
  const { min, max, default: fallback } = FIELD_LIMITS.secretLifetimeDays;
  if (value === undefined) return fine(fallback);
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
    return fine(value);
  return refused(fallback, field, `${field} must be a whole number of days from ${min} to ${max}`);
}

const wellFormedAccount = matching(
  ACCOUNT_ID_PATTERN,
  `is not an account ID: use "${ALL_ACCOUNTS}" or 1–32 characters of A–Z, a–z, 0–9, "_" and "-"`,
);

export const checkAccounts = (value: unknown): FieldCheck<string[]> =>
  checkList(value, {
    field: 'accounts',
    min: 1,
    max: FIELD_LIMITS.maxAccounts,
    items: 'account IDs',
    tooFew: `at least one account is required; use "${ALL_ACCOUNTS}" for every account`,
    checkItem: (item) => (item === ALL_ACCOUNTS ? { value: item } : wellFormedAccount(item)),
  });

const wellFormedRole = matching(
  ROLE_PATTERN,
  'is not a role: start with a lowercase letter, then up to 63 of a–z, 0–9, "_", ".", ":" and "-"',
);

export function checkRoles(value: unknown, policy: CredentialPolicy): FieldCheck<string[]> {
  const catalogue = grantableRoles(policy);
  return checkList(value, {
    field: 'roles',
    min: 1,
    max: FIELD_LIMITS.maxRoles,
    items: 'roles',
    tooFew: 'at least one role is required',
    checkItem: (item) => {
      const checked = wellFormedRole(item);
      if ('problem' in checked || catalogue === null || catalogue.includes(item)) return checked;
      return { problem: `"${item}" is not in the role catalogue; allowed roles: ${catalogue.join(', ')}` };
    },
  });
}

const wellFormedApi = matching(
  SCOPE_TOKEN_PATTERN,
  `is not an OAuth scope token: use 1–128 printable ASCII characters without spaces, '"' or '\\'`,
);

export function checkApis(value: unknown, policy: CredentialPolicy): FieldCheck<string[]> {
  if (value === undefined) return fine([]);
  const catalogue = grantableApis(policy);
  return checkList(value, {
    field: 'apis',
    min: 0,
    max: FIELD_LIMITS.maxApis,
    items: 'APIs',
    checkItem: (item) => {
      // A scope is copied into tokens and refusal records; one that is a secret must go nowhere.
      if (carriesSecret(item))
        return { problem: 'looks like a client secret; an API name never carries its prefix' };
      const checked = wellFormedApi(item);
      if ('problem' in checked || catalogue === null || catalogue.includes(item)) return checked;
      const allowed =
        catalogue.length === 0 ? 'none are configured' : `allowed APIs: ${catalogue.join(', ')}`;
      return { problem: `${quoted(item)} is not in the API catalogue; ${allowed}` };
    },
  });
}

export const checkAllowedIps = (value: unknown): FieldCheck<string[]> =>
  value === undefined
    ? fine([])
    : checkList(value, {
        field: 'allowedIps',
        min: 0,
        max: FIELD_LIMITS.maxAllowedIps,
        items: 'IP addresses or CIDR blocks',
        // Items are normalised before the duplicate check, so 2001:DB8::1 repeats 2001:db8:0::1.
        checkItem: (item) => {
          const canonical = normalizeIpOrCidr(item);
          return canonical === null
            ? { problem: ipOrCidrProblem(item) ?? 'is not allowed' }
            : { value: canonical };
        },
      });
