import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { ClientSecretHasher } from '../credential-store/secrets/client-secret';
import { requireExisting } from './existing-credential';
import { type IssuedSecretView, issuedSecretView, newSecret } from './issued-secret';
import { GenerateSecretCommand } from './generate-secret.command';

@CommandHandler(GenerateSecretCommand)
export class GenerateSecretHandler implements ICommandHandler<GenerateSecretCommand> {
  constructor(
    private readonly runner: CredentialCommandRunner,
    private readonly hasher: ClientSecretHasher,
  ) {}

  async execute({ clientId, expiresInDays, context }: GenerateSecretCommand): Promise<IssuedSecretView> {
    const secret = newSecret(this.hasher);
    const result = await this.runner.run(
      clientId,
      { type: 'GenerateSecret', secret: secret.command, expiresInDays },
      context,
    );
    return issuedSecretView(requireExisting(result.state), secret);
  }
}
