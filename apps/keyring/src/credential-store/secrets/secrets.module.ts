import { Module } from '@nestjs/common';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { ClientSecretHasher } from './client-secret';
import { loadOrCreatePepper, SECRET_PEPPER } from './pepper';

@Module({
  providers: [
    {
      provide: SECRET_PEPPER,
      inject: [KEYRING_CONFIG],
      useFactory: (config: KeyringConfig): Buffer => loadOrCreatePepper(config.secretPepper, config.dataDir),
    },
    {
      provide: ClientSecretHasher,
      inject: [SECRET_PEPPER],
      useFactory: (pepper: Buffer) => new ClientSecretHasher(pepper),
    },
  ],
  exports: [ClientSecretHasher, SECRET_PEPPER],
})
export class SecretsModule {}
