/** Deployment-wide rules that are configuration rather than code. */
export interface CredentialPolicy {
  /** When set, only these roles may be granted (ROLE_CATALOGUE); built-in roles are always allowed. */
  readonly roleCatalogue: readonly string[] | null;
}

export const DEFAULT_POLICY: CredentialPolicy = { roleCatalogue: null };
