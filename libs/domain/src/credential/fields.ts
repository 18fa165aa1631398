/**
 * A credential's fields, defined once: their shape, which of them a creation
 * may leave out and an update may change, and the rules every edge (REST
 * DTOs, gRPC, CLI) states again and `decide` enforces. Commands, events,
 * state, views, DTOs, read-model rows and gRPC messages derive from
 * `CredentialFields` or are checked against it at compile time.
 */
export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * What a credential holds besides its secrets and tokens, as validated:
 * defaults applied, values canonical. A field added here reaches stored
 * events and snapshots too: upcast older `CredentialCreated` events
 * (upcast.ts) and bump `CREDENTIAL_STATE_VERSION`; the compiler then points
 * at every edge and read model still to do.
 */
export interface CredentialFields {
  readonly name: string;
  readonly description: string;
  readonly environment: Environment;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  readonly apis: readonly string[];
  readonly allowedIps: readonly string[];
  /** Lifetime of secrets generated without their own. */
  readonly secretLifetimeDays: number;
}

export type CredentialFieldName = keyof CredentialFields;

/** Fields a creation may leave out: validation gives them their defaults. */
type DefaultedField = 'description' | 'apis' | 'allowedIps' | 'secretLifetimeDays';

/** A new credential's fields as callers give them, before validation. */
export type CreationFields = Omit<CredentialFields, DefaultedField> &
  Partial<Pick<CredentialFields, DefaultedField>>;

/** The fields an update may change; the environment and the secrets' lifetime are fixed at creation. */
export const CHANGEABLE_FIELDS = [
  'name',
  'description',
  'accounts',
  'roles',
  'apis',
  'allowedIps',
] as const satisfies readonly CredentialFieldName[];
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

/** An update: only the fields given change, each to its new value. */
export type CredentialChanges = Partial<Pick<CredentialFields, ChangeableField>>;

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
