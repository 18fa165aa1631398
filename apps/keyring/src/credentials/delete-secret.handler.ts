import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';

export class DeleteSecretCommand extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly secretId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeleteSecretCommand)
export class DeleteSecretHandler implements ICommandHandler<DeleteSecretCommand> {
  constructor(private readonly runner: CredentialCommandRunner) {}

  async execute({ clientId, secretId, context }: DeleteSecretCommand): Promise<void> {
    await this.runner.run(clientId, { type: 'DeleteSecret', secretId }, context);
  }
}
