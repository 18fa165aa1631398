/** Signing and verifying access tokens, for the OAuth endpoints and the management API's guard alike. */
import { Module } from '@nestjs/common';
import { CredentialStoreModule } from '../credential-store/credential-store.module';
import { ClockModule } from '../platform/clock/clock.module';
import { SigningKeysModule } from './signing-keys/signing-keys.module';
import { AccessTokenSigner } from './access-token-signer';
import { AccessTokenVerifier } from './access-token-verifier';

@Module({
  imports: [CredentialStoreModule, SigningKeysModule, ClockModule],
  providers: [AccessTokenSigner, AccessTokenVerifier],
  exports: [AccessTokenSigner, AccessTokenVerifier, SigningKeysModule],
})
export class AccessTokensModule {}
