/**
 * Whether a client may authenticate as this credential outside the token
 * grant (introspection, revocation): the same rules IssueToken applies, in
 * the same order — the credential exists and is active, the presented secret
 * is one of its active secrets, and the request comes from an allowed address.
 */
import type { CredentialRefusalCode } from '../refusal/refusal-code';
import { isIpAllowed } from './ip-rules';
import { authenticatingSecret } from './secret-authentication';
import type { CredentialState, ExistingCredential } from './state';

export type ClientAuthenticationRefusal = Extract<
  CredentialRefusalCode,
  'CREDENTIAL_NOT_FOUND' | 'CREDENTIAL_REVOKED' | 'INVALID_CLIENT_SECRET' | 'IP_NOT_ALLOWED'
>;

export type ClientAuthentication =
  | { readonly authenticated: true; readonly credential: ExistingCredential }
  | { readonly authenticated: false; readonly reason: ClientAuthenticationRefusal };

export function authenticateClient(
  state: CredentialState,
  presentedSecretHash: string,
  sourceIp: string,
  now: Date,
): ClientAuthentication {
  if (state.status === 'absent') return { authenticated: false, reason: 'CREDENTIAL_NOT_FOUND' };
  if (state.status === 'revoked') return { authenticated: false, reason: 'CREDENTIAL_REVOKED' };
  if (!authenticatingSecret(state, presentedSecretHash, now)) {
    return { authenticated: false, reason: 'INVALID_CLIENT_SECRET' };
  }
  if (!isIpAllowed(state.allowedIps, sourceIp)) return { authenticated: false, reason: 'IP_NOT_ALLOWED' };
  return { authenticated: true, credential: state };
}
