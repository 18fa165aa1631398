import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { RevokeCredentialTokenCommand } from './revoke-credential-token.command';

@CommandHandler(RevokeCredentialTokenCommand)
export class RevokeCredentialTokenHandler implements ICommandHandler<RevokeCredentialTokenCommand> {
  constructor(private readonly runner: CredentialCommandRunner) {}

  async execute({ clientId, jti, context }: RevokeCredentialTokenCommand): Promise<void> {
    await this.runner.run(clientId, { type: 'RevokeToken', jti }, context);
  }
}
