/** Decisions about secrets: generating (at most two active) and deleting. */
import type { DeleteSecret, GenerateSecret } from './commands';
import { Refusal } from '../refusal/refusal';
import { accepted, type Decision, refused } from './decision';
import { checkSecretLifetimeDays } from './field-rules';
import { FIELD_LIMITS } from './fields';
import { CREDENTIAL_EVENT_SCHEMA_VERSION } from './events';
import { activeSecrets, secretStatus } from './queries';
import { validationFailed } from './refusals';
import type { ExistingCredential } from './state';
import { plusDays } from './time';
import { revokeActiveTokens } from './token-revocation';

export function decideGenerateSecret(
  command: GenerateSecret,
  state: ExistingCredential,
  now: Date,
): Decision {
  const lifetime = checkSecretLifetimeDays(
    command.expiresInDays ?? state.secretLifetimeDays,
    'expiresInDays',
  );
  const violations = [...lifetime.violations];
  if (state.secrets.some((secret) => secret.secretId === command.secret.secretId)) {
    violations.push({
      field: 'secret.secretId',
      message: 'a secret with this ID already exists; use a new ID',
    });
  }
  if (violations.length > 0) return refused(validationFailed('The secret', violations));

  const active = activeSecrets(state, now);
  if (active.length >= FIELD_LIMITS.maxActiveSecrets) {
    const ids = active.map((secret) => secret.secretId).join(' and ');
    return refused(
      new Refusal(
        'SECRET_LIMIT_REACHED',
        `Credential ${state.clientId} already has ${active.length} active secrets (${ids}), the most allowed; ` +
          `delete one of the two active secrets before generating another`,
      ),
    );
  }

  const { secretId, secretHash, hint } = command.secret;
  return accepted([
    {
      type: 'SecretGenerated',
      schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
      data: {
        clientId: state.clientId,
        secretId,
        secretHash,
        hint,
        createdAt: now.toISOString(),
        expiresAt: plusDays(now, lifetime.value).toISOString(),
      },
    },
  ]);
}

export function decideDeleteSecret(command: DeleteSecret, state: ExistingCredential, now: Date): Decision {
  const secret = state.secrets.find((candidate) => candidate.secretId === command.secretId);
  if (!secret) {
    return refused(
      new Refusal(
        'SECRET_NOT_FOUND',
        `Credential ${state.clientId} has no secret ${command.secretId}; list the credential's secrets to find its ID`,
      ),
    );
  }
  // Expired secrets may still be deleted, so that callers can tidy up what they see.
  if (secretStatus(secret, now) === 'deleted') {
    return refused(
      new Refusal('SECRET_ALREADY_DELETED', `Secret ${command.secretId} was already deleted; nothing to do`),
    );
  }
  // A leaked secret's tokens go with it, in the same append; routine rotation lets them run out.
  const revocations = command.revokeTokens
    ? revokeActiveTokens(state, now, 'secret-deleted', (token) => token.secretId === command.secretId)
    : [];
  return accepted([
    {
      type: 'SecretDeleted',
      schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
      data: { clientId: state.clientId, secretId: command.secretId, deletedAt: now.toISOString() },
    },
    ...revocations,
  ]);
}
