import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { type CredentialView, toCredentialView } from '../projection/credentials/credential.view';
import { requireExisting } from './existing-credential';
import { UpdateCredentialCommand } from './update-credential.command';

@CommandHandler(UpdateCredentialCommand)
export class UpdateCredentialHandler implements ICommandHandler<UpdateCredentialCommand> {
  constructor(
    private readonly runner: CredentialCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ clientId, changes, context }: UpdateCredentialCommand): Promise<CredentialView> {
    const result = await this.runner.run(clientId, { type: 'UpdateCredential', changes }, context);
    return toCredentialView(requireExisting(result.state), result.revision ?? 0, this.clock());
  }
}
