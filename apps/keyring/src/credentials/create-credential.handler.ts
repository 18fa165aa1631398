import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { ClientSecretHasher } from '../credential-store/secrets/client-secret';
import { toCredentialView } from '../projection/credentials/credential.view';
import { requireExisting } from './existing-credential';
import { issuedSecretView, newSecret } from './issued-secret';
import { CreateCredentialCommand, type CreatedCredential } from './create-credential.command';

@CommandHandler(CreateCredentialCommand)
export class CreateCredentialHandler implements ICommandHandler<CreateCredentialCommand> {
  constructor(
    private readonly runner: CredentialCommandRunner,
    private readonly hasher: ClientSecretHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ fields, context }: CreateCredentialCommand): Promise<CreatedCredential> {
    const clientId = randomUUID();
    const secret = newSecret(this.hasher);
    const result = await this.runner.run(
      clientId,
      { type: 'CreateCredential', clientId, fields, firstSecret: secret.command },
      context,
    );
    const state = requireExisting(result.state);
    return {
      credential: toCredentialView(state, result.revision ?? 0, this.clock()),
      secret: issuedSecretView(state, secret),
    };
  }
}
