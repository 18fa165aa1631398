/**
 * The audit trail's vocabulary: one entry per stored event, in global order,
 * each carrying the hash of the entry before it. Pure: the projector and the
 * verifier both build entries here, so they cannot disagree on what an
 * event should look like in the log.
 */
import { hash } from 'node:crypto';
import { accountsAfter, type ApiUserEvent, type CredentialEvent } from '@keyring/domain';
import type { RecordedEvent } from '@keyring/event-store';
import type { Actor } from '../../platform/context/command-context';
import { canonicalJson } from './canonical-json';

export const AUDIT_ACTIONS = {
  CredentialCreated: 'credential.created',
  CredentialUpdated: 'credential.updated',
  SecretGenerated: 'secret.generated',
  SecretDeleted: 'secret.deleted',
  TokenIssued: 'token.issued',
  TokenRevoked: 'token.revoked',
  CredentialRevoked: 'credential.revoked',
  TokenRequestRefused: 'token.refused',
  // Many refusals counted in one record read as one entry whose details.count says how many.
  TokenRequestRefusalsCounted: 'token.refused',
} as const satisfies Record<CredentialEvent['type'], string>;

/** The legacy API users' events; their entries name the user as `api-user:<username>` in `clientId`. */
export const API_USER_AUDIT_ACTIONS = {
  ApiUserCreated: 'api-user.created',
  ApiUserPasswordSet: 'api-user.password-set',
  ApiUserAccessChanged: 'api-user.updated',
  ApiUserDisabled: 'api-user.disabled',
  ApiUserEnabled: 'api-user.enabled',
  ApiUserDeleted: 'api-user.deleted',
  ApiUserMigrated: 'api-user.migrated',
  BasicAuthenticationUsed: 'api-user.basic-used',
  BasicAuthenticationRefused: 'api-user.basic-refused',
} as const satisfies Record<ApiUserEvent['type'], string>;

export const API_USER_AUDIT_SUBJECT_PREFIX = 'api-user:';

export type AuditAction =
  | (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS]
  | (typeof API_USER_AUDIT_ACTIONS)[keyof typeof API_USER_AUDIT_ACTIONS];
export const AUDIT_ACTION_NAMES: readonly AuditAction[] = [
  ...new Set([...Object.values(AUDIT_ACTIONS), ...Object.values(API_USER_AUDIT_ACTIONS)]),
];

/** Events that record refused requests: their entries are `denied`. */
const REFUSAL_EVENTS: ReadonlySet<CredentialEvent['type']> = new Set([
  'TokenRequestRefused',
  'TokenRequestRefusalsCounted',
]);

export type AuditOutcome = 'success' | 'denied';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface UnchainedAuditEntry {
  readonly position: number;
  readonly occurredAt: string;
  readonly action: AuditAction;
  readonly clientId: string;
  /** The credential's accounts when the event happened (before and after, for a change of accounts). */
  readonly accounts: readonly string[];
  readonly actor: { readonly type: Actor['type']; readonly id: string | null };
  readonly onBehalfOf: string | null;
  readonly sourceIp: string | null;
  readonly requestId: string | null;
  readonly outcome: AuditOutcome;
  /** What happened, never a secret or a hash of one. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends UnchainedAuditEntry {
  readonly prevHash: string;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of every other field, `prevHash` included. */
  readonly hash: string;
}

function detailsOf(event: CredentialEvent, storedSchemaVersion: number): Record<string, unknown> {
  switch (event.type) {
    case 'CredentialCreated': {
      const { clientId: _clientId, createdAt: _createdAt, ...fields } = event.data;
      return fields;
    }
    case 'CredentialUpdated':
      return { changes: event.data.changes };
    case 'SecretGenerated':
      // The hash stays out: the log is read by people who must never be able to test a guess against it.
      return { secretId: event.data.secretId, hint: event.data.hint, expiresAt: event.data.expiresAt };
    case 'SecretDeleted':
      return { secretId: event.data.secretId };
    case 'TokenIssued':
      return {
        jti: event.data.jti,
        secretId: event.data.secretId,
        scope: event.data.scope,
        expiresAt: event.data.expiresAt,
      };
    case 'TokenRevoked':
      // Revocations stored before they carried a reason keep the details they were first hashed with,
      // so audit chains exported before the upgrade still match the rebuilt one.
      return storedSchemaVersion < 2
        ? { jti: event.data.jti }
        : { jti: event.data.jti, reason: event.data.reason };
    case 'CredentialRevoked':
      return { reason: event.data.reason };
    case 'TokenRequestRefused':
      return {
        reason: event.data.reason,
        requestedScope: event.data.requestedScope,
        // Only on records whose scope was cut, so entries of older records read as they always did.
        ...(event.data.requestedScopeLength === undefined
          ? {}
          : { requestedScopeLength: event.data.requestedScopeLength }),
        secretId: event.data.secretId,
      };
    case 'TokenRequestRefusalsCounted':
      return {
        count: event.data.count,
        reasons: event.data.reasons,
        firstRefusedAt: event.data.firstRefusedAt,
        lastRefusedAt: event.data.lastRefusedAt,
      };
  }
}

/** The accounts an entry belongs to: a move between accounts concerns both sides. */
function entryAccounts(event: CredentialEvent, before: readonly string[]): readonly string[] {
  const after = accountsAfter(event, before);
  return after === before ? before : [...new Set([...before, ...after])];
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function actorOf(metadata: RecordedEvent['metadata']): {
  actor: UnchainedAuditEntry['actor'];
  onBehalfOf: string | null;
} {
  const actor = (metadata.actor ?? {}) as Partial<Actor>;
  const type = actor.type === 'client' || actor.type === 'cli' ? actor.type : 'anonymous';
  return { actor: { type, id: stringOrNull(actor.id) }, onBehalfOf: stringOrNull(actor.onBehalfOf) };
}

/**
 * The entry for one stored event. `accountsBefore` are the credential's
 * accounts before the event (empty before it was created).
 */
export function describeEvent(
  recorded: RecordedEvent,
  event: CredentialEvent,
  clientId: string,
  accountsBefore: readonly string[],
): UnchainedAuditEntry {
  const { metadata } = recorded;
  return {
    position: recorded.position,
    occurredAt: stringOrNull(metadata.occurredAt) ?? recorded.recordedAt,
    action: AUDIT_ACTIONS[event.type],
    clientId,
    accounts: entryAccounts(event, accountsBefore),
    ...actorOf(metadata),
    sourceIp: stringOrNull(metadata.sourceIp),
    requestId: stringOrNull(metadata.requestId),
    outcome: REFUSAL_EVENTS.has(event.type) ? 'denied' : 'success',
    details: detailsOf(event, Number((metadata as { schemaVersion?: unknown }).schemaVersion ?? 1)),
  };
}

function apiUserDetailsOf(event: ApiUserEvent): Record<string, unknown> {
  switch (event.type) {
    // A password's hash never reaches the log: people who read it must not be able to test guesses.
    case 'ApiUserCreated':
      return { username: event.data.username, accounts: event.data.accounts, roles: event.data.roles };
    case 'ApiUserPasswordSet':
    case 'ApiUserDisabled':
    case 'ApiUserEnabled':
    case 'ApiUserDeleted':
      return { username: event.data.username };
    case 'ApiUserAccessChanged':
      return { username: event.data.username, changes: event.data.changes };
    case 'ApiUserMigrated':
      return { username: event.data.username, migratedTo: event.data.clientId };
    case 'BasicAuthenticationUsed':
      return {
        username: event.data.username,
        count: event.data.count,
        firstUsedAt: event.data.firstUsedAt,
        lastUsedAt: event.data.lastUsedAt,
      };
    case 'BasicAuthenticationRefused':
      return { username: event.data.username, reason: event.data.reason };
  }
}

/** The accounts an API user's event concerns: before and after, for a change of accounts. */
export function apiUserAccountsAfter(event: ApiUserEvent, before: readonly string[]): readonly string[] {
  if (event.type === 'ApiUserCreated') return event.data.accounts;
  if (event.type === 'ApiUserAccessChanged' && event.data.changes.accounts)
    return event.data.changes.accounts;
  return before;
}

/** The entry for one stored API-user event; `accountsBefore` as for `describeEvent`. */
export function describeApiUserEvent(
  recorded: RecordedEvent,
  event: ApiUserEvent,
  username: string,
  accountsBefore: readonly string[],
): UnchainedAuditEntry {
  const { metadata } = recorded;
  const after = apiUserAccountsAfter(event, accountsBefore);
  return {
    position: recorded.position,
    occurredAt: stringOrNull(metadata.occurredAt) ?? recorded.recordedAt,
    action: API_USER_AUDIT_ACTIONS[event.type],
    clientId: `${API_USER_AUDIT_SUBJECT_PREFIX}${username}`,
    accounts: after === accountsBefore ? accountsBefore : [...new Set([...accountsBefore, ...after])],
    ...actorOf(metadata),
    sourceIp: stringOrNull(metadata.sourceIp),
    requestId: stringOrNull(metadata.requestId),
    outcome: event.type === 'BasicAuthenticationRefused' ? 'denied' : 'success',
    details: apiUserDetailsOf(event),
  };
}

type LinkedAuditEntry = UnchainedAuditEntry & { readonly prevHash: string };

/** The SHA-256 of any value shaped like an entry (what a verifier recomputes for a stored row). */
export function hashAuditEntry(entry: LinkedAuditEntry): string {
  const { hash: _ignored, ...hashed } = entry as AuditEntry;
  return sha256(canonicalJson(hashed));
}

// One-shot `crypto.hash` is about twice as fast as a Hash object for short inputs.
const sha256 = (text: string): string => hash('sha256', text, 'hex');
const json = JSON.stringify;

/**
 * The canonical JSON of an entry this module built, written field by field
 * in sorted key order: the projector hashes every event, and this is much
 * cheaper than the general canonicaliser. The spec checks both agree.
 */
export function entryCanonicalJson(entry: LinkedAuditEntry): string {
  return (
    `{"accounts":${json(entry.accounts)},"action":${json(entry.action)},` +
    `"actor":{"id":${json(entry.actor.id)},"type":${json(entry.actor.type)}},"clientId":${json(entry.clientId)},` +
    `"details":${canonicalJson(entry.details)},"occurredAt":${json(entry.occurredAt)},` +
    `"onBehalfOf":${json(entry.onBehalfOf)},"outcome":${json(entry.outcome)},"position":${json(entry.position)},` +
    `"prevHash":${json(entry.prevHash)},"requestId":${json(entry.requestId)},"sourceIp":${json(entry.sourceIp)}}`
  );
}

/** Links an entry to the one before it. */
export function chainAuditEntry(entry: UnchainedAuditEntry, prevHash: string): AuditEntry {
  const linked = { ...entry, prevHash };
  return { ...linked, hash: sha256(entryCanonicalJson(linked)) };
}
