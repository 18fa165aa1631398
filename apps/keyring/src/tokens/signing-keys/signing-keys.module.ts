/** The JWT signing key ring, for the token endpoint, the verifier and the JWKS alike. */
import { Module } from '@nestjs/common';
import { CLOCK, type Clock } from '../../platform/clock/clock';
import { ClockModule } from '../../platform/clock/clock.module';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { SigningKeyRing } from './signing-key-ring';

@Module({
  imports: [ClockModule],
  providers: [
    {
      provide: SigningKeyRing,
      inject: [KEYRING_CONFIG, CLOCK],
      useFactory: (config: KeyringConfig, clock: Clock) => new SigningKeyRing(config.tokens, clock),
    },
  ],
  exports: [SigningKeyRing],
})
export class SigningKeysModule {}
