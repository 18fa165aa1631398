/** The credential command layer every edge shares: repository, command runner and the domain policy. */
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ClockModule } from '../platform/clock/clock.module';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { EventStoreModule } from '../platform/persistence/event-store.module';
import { ProgressModule } from '../platform/progress/progress.module';
import { credentialPolicyProvider } from './credential-policy.provider';
import { CredentialCommandRunner } from './credential-command-runner';
import { CredentialRepository } from './credential.repository';
import { ReadYourWrites } from './read-your-writes';
import {
  CREDENTIAL_SNAPSHOTS,
  type CredentialSnapshots,
  NO_SNAPSHOTS,
} from './snapshots/credential-snapshots';
import { SECRET_PEPPER } from './secrets/pepper';
import { SecretsModule } from './secrets/secrets.module';
import { SnapshotMac } from './snapshots/snapshot-mac';
import { SqliteCredentialSnapshots } from './snapshots/sqlite-credential-snapshots';

@Module({
  imports: [ClockModule, EventStoreModule, ProgressModule, SecretsModule],
  providers: [
    credentialPolicyProvider,
    {
      provide: CREDENTIAL_SNAPSHOTS,
      inject: [KEYRING_CONFIG, SECRET_PEPPER],
      useFactory: (config: KeyringConfig, pepper: Buffer): CredentialSnapshots =>
        config.snapshots.every > 0
          ? SqliteCredentialSnapshots.open(config.snapshots.sqliteFile, SnapshotMac.fromPepper(pepper))
          : NO_SNAPSHOTS,
    },
    CredentialRepository,
    CredentialCommandRunner,
    ReadYourWrites,
  ],
  exports: [credentialPolicyProvider, CredentialRepository, CredentialCommandRunner, ReadYourWrites],
})
export class CredentialStoreModule implements OnApplicationShutdown {
  constructor(@Inject(CREDENTIAL_SNAPSHOTS) private readonly snapshots: CredentialSnapshots) {}

  onApplicationShutdown(): void {
    this.snapshots.close();
  }
}
