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
  isDomainError,
} from '@keyring/domain';
import { AccountOutOfReachError, outOfReach } from '@keyring/domain';
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
    const outside = [...new Set(items.flatMap((fields) => outOfReach(context.reach, fields.accounts ?? [])))];
    if (outside.length > 0) throw new AccountOutOfReachError(outside);
    const secrets = items.map(() => newSecret(this.hasher));
    const commands: CreateCredential[] = items.map((fields, index) => ({
      type: 'CreateCredential',
      clientId: randomUUID(),
      fields,
      firstSecret: secrets[index].command,
    }));
    const now = this.clock();
    const decision = decideBatch(commands, now, this.policy);
    if (isDomainError(decision)) throw decision;

    const causationId = randomUUID();
    const fresh = { state: initialCredentialState(), revision: null };
    const appended = await Promise.all(
      commands.map((command, index) =>
        this.repository.append(command.clientId, fresh, decision[index], context, causationId, now),
      ),
    );
    await this.readYourWrites.settle(context, Math.max(...appended.map((result) => result.position)));
    return appended.map((result, index) => {
      const state = requireExisting(result.state, commands[index].clientId);
      return {
        credential: toCredentialView(state, result.revision, now),
        secret: issuedSecretView(state, secrets[index]),
      };
    });
  }
}
