/** Signing and verifying access tokens, for the OAuth endpoints and the management API's guard alike. */
import { Module } from '@nestjs/common';
import { EventSourcingModule } from '../event-sourcing/event-sourcing.module';
import { SigningKeysModule } from '../signing-keys/signing-keys.module';
import { AccessTokenSigner } from './access-token-signer';
import { AccessTokenVerifier } from './access-token-verifier';

@Module({
  imports: [EventSourcingModule, SigningKeysModule],
  providers: [AccessTokenSigner, AccessTokenVerifier],
  exports: [AccessTokenSigner, AccessTokenVerifier, SigningKeysModule],
})
export class AccessTokensModule {}
