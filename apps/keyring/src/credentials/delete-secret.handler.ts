import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { DeleteSecretCommand } from './delete-secret.command';

@CommandHandler(DeleteSecretCommand)
export class DeleteSecretHandler implements ICommandHandler<DeleteSecretCommand> {
  constructor(private readonly runner: CredentialCommandRunner) {}

  async execute({ clientId, secretId, revokeTokens, context }: DeleteSecretCommand): Promise<void> {
    await this.runner.run(clientId, { type: 'DeleteSecret', secretId, revokeTokens }, context);
  }
}
