import { Module } from '@nestjs/common';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { ClientSecretHasher } from './client-secret';
import { loadOrCreatePepper } from './pepper';

@Module({
  providers: [
    {
      provide: ClientSecretHasher,
      inject: [KEYRING_CONFIG],
      useFactory: (config: KeyringConfig) =>
        new ClientSecretHasher(loadOrCreatePepper(config.secretPepper, config.dataDir)),
    },
  ],
  exports: [ClientSecretHasher],
})
export class SecretsModule {}
