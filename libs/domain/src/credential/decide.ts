/** Routes a command to the rule that decides it, after the checks every command shares. */
import type { CredentialCommand } from './commands';
import { type Decision, refused } from './decision';
import { decideCreate, decideRevokeCredential, decideUpdate } from './decide-credential';
import { decideDeleteSecret, decideGenerateSecret } from './decide-secret';
import { decideIssueToken, decideRevokeToken } from './decide-token';
import { type CredentialPolicy, DEFAULT_POLICY } from './policy';
import { credentialAlreadyExists, credentialNotFound, credentialRevoked } from './refusals';
import type { CredentialState } from './state';

/**
 * What `command` does to a credential in `state` at `now`: the events that
 * carry it out, or the refusal with anything that must still be recorded.
 */
export function decide(
  command: CredentialCommand,
  state: CredentialState,
  now: Date,
  policy: CredentialPolicy = DEFAULT_POLICY,
): Decision {
  if (state.status === 'absent') {
    return command.type === 'CreateCredential'
      ? decideCreate(command, now, policy)
      : refused(credentialNotFound());
  }
  // A token request checks revocation itself, because its refusals are recorded.
  if (command.type === 'IssueToken') return decideIssueToken(command, state, now);
  if (state.status === 'revoked') return refused(credentialRevoked(state));

  switch (command.type) {
    case 'CreateCredential':
      return refused(credentialAlreadyExists(state));
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
