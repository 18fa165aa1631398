/** Reads a credential from its event-sourced state (read models arrive with the projector). */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type AccountReach, assertWithinReach } from '../auth/account-reach';
import { CLOCK, type Clock } from '../clock';
import { CredentialRepository } from '../event-sourcing/credential.repository';
import { type CredentialView, toCredentialView } from './credential.view';
import { requireExisting } from './existing-credential';

export class GetCredentialQuery extends Query<CredentialView> {
  constructor(
    readonly clientId: string,
    readonly reach: AccountReach,
  ) {
    super();
  }
}

@QueryHandler(GetCredentialQuery)
export class GetCredentialHandler implements IQueryHandler<GetCredentialQuery> {
  constructor(
    private readonly repository: CredentialRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ clientId, reach }: GetCredentialQuery): Promise<CredentialView> {
    const loaded = await this.repository.load(clientId);
    assertWithinReach(reach, clientId, loaded.state);
    return toCredentialView(requireExisting(loaded.state, clientId), loaded.revision ?? 0, this.clock());
  }
}
