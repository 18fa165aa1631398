import type { components, operations } from '../../../api/schema';

export type Credential = components['schemas']['CredentialView'];
export type Secret = components['schemas']['SecretView'];
export type IssuedSecret = components['schemas']['IssuedSecret'];
export type CreatedCredential = components['schemas']['CreatedCredential'];
export type NewCredential = components['schemas']['CreateCredentialDto'];
export type CredentialChanges = components['schemas']['UpdateCredentialDto'];
export type ActiveToken = components['schemas']['ActiveTokenView'];
export type AuditEntry = components['schemas']['AuditEntry'];
export type Environment = Credential['environment'];
export type CredentialListFilters = NonNullable<
  operations['CredentialsController_list']['parameters']['query']
>;

export const ENVIRONMENTS: readonly Environment[] = ['development', 'staging', 'production'];
