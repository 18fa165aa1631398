import type { Provider } from '@nestjs/common';
import type { CredentialPolicy } from '@keyring/domain';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';

export const CREDENTIAL_POLICY = Symbol('CREDENTIAL_POLICY');

export const credentialPolicyProvider: Provider = {
  provide: CREDENTIAL_POLICY,
  inject: [KEYRING_CONFIG],
  useFactory: (config: KeyringConfig): CredentialPolicy => ({ roleCatalogue: config.roleCatalogue }),
};
