import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { RevokeCredentialCommand } from './revoke-credential.command';

@CommandHandler(RevokeCredentialCommand)
export class RevokeCredentialHandler implements ICommandHandler<RevokeCredentialCommand> {
  constructor(private readonly runner: CredentialCommandRunner) {}

  async execute({ clientId, reason, context }: RevokeCredentialCommand): Promise<void> {
    await this.runner.run(clientId, { type: 'RevokeCredential', reason }, context);
  }
}
