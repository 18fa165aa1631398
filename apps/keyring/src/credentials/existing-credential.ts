import { type CredentialState, type ExistingCredential, Refusal } from '@keyring/domain';

/** Narrows a loaded state to an existing credential, or refuses as the domain would. */
export function requireExisting(state: CredentialState, clientId: string): ExistingCredential {
  if (state.status === 'absent') {
    throw new Refusal('CREDENTIAL_NOT_FOUND', `No credential with client id ${clientId}`);
  }
  return state;
}
