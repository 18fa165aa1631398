/** Deployment-wide rules that are configuration rather than code. */
import { BUILT_IN_ROLES } from './fields';

export interface CredentialPolicy {
  /** When set, only these roles may be granted (ROLE_CATALOGUE); built-in roles are always allowed. */
  readonly roleCatalogue: readonly string[] | null;
  /** When set, only these APIs may be granted (API_CATALOGUE); absent or null, any well-formed API. */
  readonly apiCatalogue?: readonly string[] | null;
}

export const DEFAULT_POLICY: CredentialPolicy = { roleCatalogue: null };

/** Every role a credential may hold under the policy: the built-in roles and the catalogue; null = any. */
export function grantableRoles(policy: CredentialPolicy): readonly string[] | null {
  if (policy.roleCatalogue === null) return null;
  return [...new Set([...Object.values(BUILT_IN_ROLES), ...policy.roleCatalogue])];
}

/** Every API a credential may be granted under the policy; null = any well-formed API. */
export function grantableApis(policy: CredentialPolicy): readonly string[] | null {
  return policy.apiCatalogue ? [...new Set(policy.apiCatalogue)] : null;
}
