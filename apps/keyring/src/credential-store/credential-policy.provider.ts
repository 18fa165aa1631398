import type { Provider } from '@nestjs/common';
import type { CredentialPolicy } from '@keyring/domain';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';

export const CREDENTIAL_POLICY = Symbol('CREDENTIAL_POLICY');

export const credentialPolicyProvider: Provider = {
  provide: CREDENTIAL_POLICY,
  inject: [KEYRING_CONFIG],
  // A configured ADMIN_ROLE is always grantable, or no credential could manage the service.
  useFactory: (config: KeyringConfig): CredentialPolicy => ({
    roleCatalogue: config.roleCatalogue && [...new Set([...config.roleCatalogue, config.adminRole])],
    apiCatalogue: config.apiCatalogue,
  }),
};
