/** Reads one credential from the read models; one outside the caller's accounts is "not found". */
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { requireCredentialWithinReach } from '../credential-store/caller-reach';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CredentialReader } from '../projection/credentials/credential-reader';
import type { CredentialView } from '../projection/credentials/credential.view';
import { GetCredentialQuery } from './get-credential.query';

@QueryHandler(GetCredentialQuery)
export class GetCredentialHandler implements IQueryHandler<GetCredentialQuery> {
  constructor(
    private readonly reader: CredentialReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ clientId, reach }: GetCredentialQuery): Promise<CredentialView> {
    const view = this.reader.get(clientId, this.clock());
    requireCredentialWithinReach(reach, view?.accounts ?? null);
    return view as CredentialView;
  }
}
