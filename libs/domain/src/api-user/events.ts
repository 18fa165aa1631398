/**
 * The API user's event vocabulary. A password appears only as its slow,
 * salted hash (`passwordHash`), and only in the two events that set it.
 */
import type { ApiUserAccessChanges } from './fields';

export const API_USER_EVENT_SCHEMA_VERSION = 1;
export const API_USER_STREAM_PREFIX = 'api-user-';

export const apiUserStreamName = (username: string): string => `${API_USER_STREAM_PREFIX}${username}`;

/** The username of an API user's stream; null for any other stream. */
export const usernameOfStream = (stream: string): string | null =>
  stream.startsWith(API_USER_STREAM_PREFIX) ? stream.slice(API_USER_STREAM_PREFIX.length) : null;

interface Versioned<Type extends string, Data> {
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
}

type Of<Data> = { readonly username: string } & Data;

export type ApiUserCreated = Versioned<
  'ApiUserCreated',
  Of<{
    readonly accounts: readonly string[];
    readonly roles: readonly string[];
    readonly passwordHash: string;
    readonly createdAt: string;
  }>
>;
export type ApiUserPasswordSet = Versioned<
  'ApiUserPasswordSet',
  Of<{ readonly passwordHash: string; readonly setAt: string }>
>;
export type ApiUserAccessChanged = Versioned<
  'ApiUserAccessChanged',
  Of<{ readonly changes: ApiUserAccessChanges; readonly changedAt: string }>
>;
export type ApiUserDisabled = Versioned<'ApiUserDisabled', Of<{ readonly disabledAt: string }>>;
export type ApiUserEnabled = Versioned<'ApiUserEnabled', Of<{ readonly enabledAt: string }>>;
export type ApiUserDeleted = Versioned<'ApiUserDeleted', Of<{ readonly deletedAt: string }>>;
export type ApiUserMigrated = Versioned<
  'ApiUserMigrated',
  Of<{ readonly clientId: string; readonly migratedAt: string }>
>;
/** Successful Basic authentications folded: at most one record per user per minute, with a count. */
export type BasicAuthenticationUsed = Versioned<
  'BasicAuthenticationUsed',
  Of<{ readonly count: number; readonly firstUsedAt: string; readonly lastUsedAt: string }>
>;
/** Refused Basic authentications (wrong password, disabled, retired) from one address, throttled by the caller. */
export type BasicAuthenticationRefused = Versioned<
  'BasicAuthenticationRefused',
  Of<{ readonly reason: BasicRefusalReason; readonly sourceIp: string; readonly refusedAt: string }>
>;

export const BASIC_REFUSAL_REASONS = ['wrong_password', 'disabled', 'deleted', 'basic_auth_retired'] as const;
export type BasicRefusalReason = (typeof BASIC_REFUSAL_REASONS)[number];

export type ApiUserEvent =
  | ApiUserCreated
  | ApiUserPasswordSet
  | ApiUserAccessChanged
  | ApiUserDisabled
  | ApiUserEnabled
  | ApiUserDeleted
  | ApiUserMigrated
  | BasicAuthenticationUsed
  | BasicAuthenticationRefused;

export const apiUserEvent = <Event extends ApiUserEvent>(type: Event['type'], data: Event['data']): Event =>
  ({ type, schemaVersion: API_USER_EVENT_SCHEMA_VERSION, data }) as Event;
