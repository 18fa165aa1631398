/**
 * Creates 1–10 credentials in one operation. The domain validates every item
 * before any is created; the appends then go to fresh streams, which cannot
 * conflict, and are issued together so the store commits them as one batch.
 */
import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CreateCredential,
  type CredentialPolicy,
  decideBatch,
  initialCredentialState,
} from '@keyring/domain';
import { requireAccountsWithinReach } from '../credential-store/caller-reach';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CredentialRepository } from '../credential-store/credential.repository';
import { ReadYourWrites } from '../credential-store/read-your-writes';
import { ClientSecretHasher } from '../credential-store/secrets/client-secret';
import type { CreatedCredential } from './create-credential.command';
import { CREDENTIAL_POLICY } from '../credential-store/credential-policy.provider';
import { toCredentialView } from '../projection/credentials/credential.view';
import { requireExisting } from './existing-credential';
import { issuedSecretView, newSecret } from './issued-secret';
import { CreateCredentialsBatchCommand } from './create-credentials-batch.command';

@CommandHandler(CreateCredentialsBatchCommand)
export class CreateCredentialsBatchHandler implements ICommandHandler<CreateCredentialsBatchCommand> {
  constructor(
    private readonly repository: CredentialRepository,
    private readonly hasher: ClientSecretHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CREDENTIAL_POLICY) private readonly policy: CredentialPolicy,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ items, context }: CreateCredentialsBatchCommand): Promise<CreatedCredential[]> {
    requireAccountsWithinReach(
      context.reach,
      items.flatMap((fields) => fields.accounts ?? []),
    );
    const secrets = items.map(() => newSecret(this.hasher));
    const commands: CreateCredential[] = items.map((fields, index) => ({
      type: 'CreateCredential',
      clientId: randomUUID(),
      fields,
      firstSecret: secrets[index].command,
    }));
    const now = this.clock();
    const { events, refusal } = decideBatch(commands, now, this.policy);
    if (refusal) throw refusal;

    const causationId = randomUUID();
    const fresh = { state: initialCredentialState(), revision: null };
    const appended = await Promise.all(
      commands.map((command, index) =>
        this.repository.append(command.clientId, fresh, events[index], context, causationId, now),
      ),
    );
    await this.readYourWrites.settle(context, Math.max(...appended.map((result) => result.position)));
    return appended.map((result, index) => {
      const state = requireExisting(result.state);
      return {
        credential: toCredentialView(state, result.revision, now),
        secret: issuedSecretView(state, secrets[index]),
      };
    });
  }
}
