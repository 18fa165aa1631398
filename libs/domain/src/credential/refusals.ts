/** The domain's refusals, worded so that a caller knows what to do next. */
import { type FieldViolation, Refusal } from '../refusal/refusal';
import type { CredentialRefusal } from './decision';
import type { ExistingCredential } from './state';
import { isoFromEpoch } from './time';

export function validationFailed(subject: string, violations: readonly FieldViolation[]): CredentialRefusal {
  const problems = violations.map(({ field, message }) => `${field}: ${message}`).join('; ');
  const count = violations.length === 1 ? '1 problem' : `${violations.length} problems`;
  return new Refusal('VALIDATION_FAILED', `${subject} is not valid (${count}): ${problems}`, {
    violations,
  });
}

/** The one answer for a credential that does not exist and for one beyond the caller's reach, so neither is told apart. */
export const credentialNotFound = (): CredentialRefusal =>
  new Refusal(
    'CREDENTIAL_NOT_FOUND',
    'No credential has this client ID; check the ID or create a credential',
  );

export const credentialAlreadyExists = (state: ExistingCredential): CredentialRefusal =>
  new Refusal(
    'CREDENTIAL_ALREADY_EXISTS',
    `Credential ${state.clientId} already exists; update it instead, or create a credential with a new client ID`,
  );

export function credentialRevokedMessage(state: ExistingCredential): string {
  const when = state.revokedAt === null ? '' : ` on ${isoFromEpoch(state.revokedAt)}`;
  return `Credential ${state.clientId} was revoked${when}; create a new credential`;
}

export const credentialRevoked = (state: ExistingCredential): CredentialRefusal =>
  new Refusal('CREDENTIAL_REVOKED', credentialRevokedMessage(state));
