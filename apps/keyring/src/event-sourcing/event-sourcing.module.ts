/** The credential command layer every edge shares: repository, command runner and the domain policy. */
import { Module } from '@nestjs/common';
import { credentialPolicyProvider } from '../credentials/credential-policy.provider';
import { CredentialCommandRunner } from './credential-command-runner';
import { CredentialRepository } from './credential.repository';
import { ReadYourWrites } from './read-your-writes';

@Module({
  providers: [credentialPolicyProvider, CredentialRepository, CredentialCommandRunner, ReadYourWrites],
  exports: [credentialPolicyProvider, CredentialRepository, CredentialCommandRunner, ReadYourWrites],
})
export class EventSourcingModule {}
