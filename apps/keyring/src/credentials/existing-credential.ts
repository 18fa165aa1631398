import { type CredentialState, credentialNotFound, type ExistingCredential } from '@keyring/domain';

/** Narrows a loaded state to an existing credential, or refuses as the domain would. */
export function requireExisting(state: CredentialState): ExistingCredential {
  if (state.status === 'absent') throw credentialNotFound();
  return state;
}
