/** Field rules shared by every edge (REST DTOs, gRPC, CLI) and enforced again by `decide`. */
export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const FIELD_LIMITS = {
  nameMaxLength: 100,
  descriptionMaxLength: 500,
  maxAccounts: 100,
  maxRoles: 50,
  maxApis: 100,
  maxAllowedIps: 100,
  secretLifetimeDays: { min: 1, max: 365, default: 90 },
  maxActiveSecrets: 2,
  maxActiveTokens: 10,
  batch: { min: 1, max: 10 },
} as const;

export const ALL_ACCOUNTS = '*';
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const ROLE_PATTERN = /^[a-z][a-z0-9_.:-]{0,63}$/;
/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
export const SCOPE_TOKEN_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;

export const BUILT_IN_ROLES = { admin: 'keyring:admin', introspect: 'keyring:introspect' } as const;
