/** Routes a command to the rule that decides it, after the checks every command shares. */
import type { CredentialCommand } from './commands';
import type { DomainError } from './errors';
import type { CredentialEvent } from './events';
import { decideCreate, decideRevokeCredential, decideUpdate } from './decide-credential';
import { decideDeleteSecret, decideGenerateSecret } from './decide-secret';
import { decideIssueToken, decideRevokeToken } from './decide-token';
import { type CredentialPolicy, DEFAULT_POLICY } from './policy';
import { credentialAlreadyExists, credentialNotFound, credentialRevoked } from './refusals';
import type { CredentialState } from './state';

/**
 * The events that carry out `command` on a credential in `state` at `now`, or
 * the reason it is refused. An empty list means there was nothing to change.
 */
export function decide(
  command: CredentialCommand,
  state: CredentialState,
  now: Date,
  policy: CredentialPolicy = DEFAULT_POLICY,
): CredentialEvent[] | DomainError {
  if (state.status === 'absent') {
    return command.type === 'CreateCredential' ? decideCreate(command, now, policy) : credentialNotFound();
  }
  // A token request checks revocation itself, because its refusals are recorded.
  if (command.type === 'IssueToken') return decideIssueToken(command, state, now);
  if (state.status === 'revoked') return credentialRevoked(state);

  switch (command.type) {
    case 'CreateCredential':
      return credentialAlreadyExists(state);
    case 'UpdateCredential':
      return decideUpdate(command, state, now, policy);
    case 'GenerateSecret':
      return decideGenerateSecret(command, state, now);
    case 'DeleteSecret':
      return decideDeleteSecret(command, state, now);
    case 'RevokeToken':
      return decideRevokeToken(command, state, now);
    case 'RevokeCredential':
      return decideRevokeCredential(command, state, now);
    default:
      return unreachable(command);
  }
}

const unreachable = (command: never): never => {
  throw new Error(`Unknown credential command ${JSON.stringify(command)}`);
};
