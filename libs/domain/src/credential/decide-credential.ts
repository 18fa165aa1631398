/** Decisions about the credential itself: create, update, revoke. */
import type { CreateCredential, RevokeCredential, UpdateCredential } from './commands';
import type { FieldViolation } from '../refusal/refusal';
import { accepted, type Decision, refused } from './decision';
import {
  CREDENTIAL_EVENT_SCHEMA_VERSION,
  type CredentialCreated,
  type CredentialRevoked,
  type CredentialUpdated,
} from './events';
import type { CredentialPolicy } from './policy';
import { validationFailed } from './refusals';
import type { ExistingCredential } from './state';
import type { CredentialChanges } from './fields';
import { plusDays } from './time';
import { checkChanges, checkCredentialFields } from './validation';
import { revokeActiveTokens, tokenCarriesRemoved } from './token-revocation';

const DEFAULT_REVOCATION_REASON = 'revoked by administrator';
const REVOCATION_REASON_MAX_LENGTH = 500;

const clientIdViolations = (clientId: unknown): FieldViolation[] =>
  typeof clientId === 'string' && clientId.trim().length > 0
    ? []
    : [{ field: 'clientId', message: 'clientId must be a non-empty identifier' }];

export function decideCreate(command: CreateCredential, now: Date, policy: CredentialPolicy): Decision {
  const fields = checkCredentialFields(command.fields, policy);
  const violations = [...clientIdViolations(command.clientId), ...fields.violations];
  if (violations.length > 0) return refused(validationFailed('The credential', violations));

  const createdAt = now.toISOString();
  const credentialCreated: CredentialCreated = {
    type: 'CredentialCreated',
    schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
    data: { clientId: command.clientId, ...fields.value, createdAt },
  };
  const { secretId, secretHash, hint } = command.firstSecret;
  return accepted([
    credentialCreated,
    {
      type: 'SecretGenerated',
      schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
      data: {
        clientId: command.clientId,
        secretId,
        secretHash,
        hint,
        createdAt,
        expiresAt: plusDays(now, fields.value.secretLifetimeDays).toISOString(),
      },
    },
  ]);
}

/** Lists are compared as sets: reordering accounts or roles is not a change worth recording. */
function isSameValue(current: string | readonly string[], next: string | readonly string[]): boolean {
  if (typeof current === 'string' || typeof next === 'string') return current === next;
  const members = new Set(current);
  return current.length === next.length && next.every((item) => members.has(item));
}

export function decideUpdate(
  command: UpdateCredential,
  state: ExistingCredential,
  now: Date,
  policy: CredentialPolicy,
): Decision {
  const checked = checkChanges(command.changes, policy);
  if (checked.violations.length > 0) return refused(validationFailed('The update', checked.violations));

  const changed = (Object.keys(checked.value) as (keyof CredentialChanges)[]).filter(
    (field) => !isSameValue(state[field], checked.value[field] as string | readonly string[]),
  );
  if (changed.length === 0) return accepted([]);
  const changes: CredentialChanges = Object.fromEntries(
    changed.map((field) => [field, checked.value[field]]),
  );
  const credentialUpdated: CredentialUpdated = {
    type: 'CredentialUpdated',
    schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
    data: { clientId: state.clientId, changes, updatedAt: now.toISOString() },
  };
  // Tokens carrying what was taken away stop with the change, so introspection agrees with the credential.
  const narrowed = revokeActiveTokens(state, now, 'credential-narrowed', tokenCarriesRemoved(state, changes));
  return accepted([credentialUpdated, ...narrowed]);
}

export function decideRevokeCredential(
  command: RevokeCredential,
  state: ExistingCredential,
  now: Date,
): Decision {
  const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
  if (reason.length > REVOCATION_REASON_MAX_LENGTH) {
    const message = `reason must be at most ${REVOCATION_REASON_MAX_LENGTH} characters (got ${reason.length})`;
    return refused(validationFailed('The revocation', [{ field: 'reason', message }]));
  }
  const credentialRevoked: CredentialRevoked = {
    type: 'CredentialRevoked',
    schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
    data: {
      clientId: state.clientId,
      revokedAt: now.toISOString(),
      reason: reason || DEFAULT_REVOCATION_REASON,
    },
  };
  return accepted([credentialRevoked]);
}
