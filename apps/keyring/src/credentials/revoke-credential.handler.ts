import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../platform/context/command-context';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';

export class RevokeCredentialCommand extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly reason: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RevokeCredentialCommand)
export class RevokeCredentialHandler implements ICommandHandler<RevokeCredentialCommand> {
  constructor(private readonly runner: CredentialCommandRunner) {}

  async execute({ clientId, reason, context }: RevokeCredentialCommand): Promise<void> {
    await this.runner.run(clientId, { type: 'RevokeCredential', reason }, context);
  }
}
