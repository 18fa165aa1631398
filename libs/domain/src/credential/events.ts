/**
 * The credential's event vocabulary. Every event is versioned so that an
 * upcaster can translate old shapes when a schema changes. Times are ISO-8601
 * strings so that stored events read the same in any store's UI.
 */
import type { CredentialChanges, CredentialFields } from './fields';

/** 2: TokenRevoked says why (`reason`); upcast.ts reads version 1 events. */
export const CREDENTIAL_EVENT_SCHEMA_VERSION = 2;

interface Versioned<Type extends string, Data> {
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
}

export type CredentialCreated = Versioned<
  'CredentialCreated',
  { readonly clientId: string } & CredentialFields & { readonly createdAt: string }
>;

export type CredentialUpdated = Versioned<
  'CredentialUpdated',
  {
    readonly clientId: string;
    /** Only the fields that changed, each with its new value. */
    readonly changes: CredentialChanges;
    readonly updatedAt: string;
  }
>;

export type SecretGenerated = Versioned<
  'SecretGenerated',
  {
    readonly clientId: string;
    readonly secretId: string;
    /** Keyed hash (HMAC-SHA-256, hex) of the secret; never the plaintext. */
    readonly secretHash: string;
    /** Prefix plus the last four characters, for people to recognise a secret. */
    readonly hint: string;
    readonly createdAt: string;
    readonly expiresAt: string;
  }
>;

export type SecretDeleted = Versioned<
  'SecretDeleted',
  { readonly clientId: string; readonly secretId: string; readonly deletedAt: string }
>;

export type TokenIssued = Versioned<
  'TokenIssued',
  {
    readonly clientId: string;
    readonly jti: string;
    /** The secret that authenticated the request. */
    readonly secretId: string;
    readonly issuedAt: string;
    readonly expiresAt: string;
    readonly scope: readonly string[];
    readonly sourceIp: string;
  }
>;

/**
 * Why a token was revoked: someone asked (the client itself, RFC 7009, or an
 * administrator by its jti); the secret it was issued with was deleted as
 * leaked; or its credential lost an api, account or role the token carries.
 */
export const TOKEN_REVOCATION_REASONS = ['requested', 'secret-deleted', 'credential-narrowed'] as const;
export type TokenRevocationReason = (typeof TOKEN_REVOCATION_REASONS)[number];

export type TokenRevoked = Versioned<
  'TokenRevoked',
  {
    readonly clientId: string;
    readonly jti: string;
    readonly revokedAt: string;
    /** Since schema version 2; version 1 revocations were all `requested`. */
    readonly reason: TokenRevocationReason;
  }
>;

export type CredentialRevoked = Versioned<
  'CredentialRevoked',
  { readonly clientId: string; readonly revokedAt: string; readonly reason: string }
>;

/** A refused token request for a known client, kept so the audit trail shows failed access. */
export type TokenRequestRefused = Versioned<
  'TokenRequestRefused',
  {
    readonly clientId: string;
    /** The refusal's stable error code, e.g. `IP_NOT_ALLOWED`. */
    readonly reason: string;
    readonly sourceIp: string;
    /** The requested scopes, cut to the first REFUSED_SCOPE_KEPT_CHARACTERS characters of the parameter. */
    readonly requestedScope: readonly string[] | null;
    /**
     * The length of the scope parameter as sent, present only when `requestedScope` was cut:
     * a refusal never stores more than a bounded part of what the caller sent.
     */
    readonly requestedScopeLength?: number;
    /** The secret that matched, when the refusal came after authentication. */
    readonly secretId: string | null;
    readonly refusedAt: string;
  }
>;

/**
 * Refused token requests for a known client from one source address in one
 * throttling window, past the few recorded one by one: one record standing
 * for `count` requests, so a flood cannot grow the stream while the audit
 * trail still accounts for every attempt. Changes no state.
 */
export type TokenRequestRefusalsCounted = Versioned<
  'TokenRequestRefusalsCounted',
  {
    readonly clientId: string;
    /** The address, or for IPv6 the /64 network, the requests came from. */
    readonly sourceIp: string;
    /** How many refused requests this record stands for (at least 1). */
    readonly count: number;
    /** How many of them were refused for each reason (refusal code); the values add up to `count`. */
    readonly reasons: Readonly<Record<string, number>>;
    readonly firstRefusedAt: string;
    readonly lastRefusedAt: string;
  }
>;

export type CredentialEvent =
  | CredentialCreated
  | CredentialUpdated
  | SecretGenerated
  | SecretDeleted
  | TokenIssued
  | TokenRevoked
  | CredentialRevoked
  | TokenRequestRefused
  | TokenRequestRefusalsCounted;

export type CredentialEventType = CredentialEvent['type'];

export const CREDENTIAL_EVENT_TYPES: readonly CredentialEventType[] = [
  'CredentialCreated',
  'CredentialUpdated',
  'SecretGenerated',
  'SecretDeleted',
  'TokenIssued',
  'TokenRevoked',
  'CredentialRevoked',
  'TokenRequestRefused',
  'TokenRequestRefusalsCounted',
];

const CREDENTIAL_STREAM_PREFIX = 'credential-';

export const credentialStreamName = (clientId: string): string => `${CREDENTIAL_STREAM_PREFIX}${clientId}`;

/** The client id a credential stream belongs to; null for any other stream. */
export const clientIdOfStream = (stream: string): string | null =>
  stream.startsWith(CREDENTIAL_STREAM_PREFIX) ? stream.slice(CREDENTIAL_STREAM_PREFIX.length) : null;
