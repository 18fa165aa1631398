/** Reads one credential from the read models; one outside the caller's accounts is "not found". */
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@keyring/domain';
import { type AccountReach, withinReach } from '@keyring/domain';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CredentialReader } from '../projection/credentials/credential-reader';
import type { CredentialView } from '../projection/credentials/credential.view';
import { GetCredentialQuery } from './get-credential.query';

/** The credential's accounts when the caller reaches it; otherwise the same 404 as an unknown id. */
export function requireReachable(reader: CredentialReader, clientId: string, reach: AccountReach): void {
  const accounts = reader.accountsOf(clientId);
  if (accounts === null || !withinReach(reach, accounts)) throw credentialNotFound(clientId);
}

const credentialNotFound = (clientId: string): DomainError =>
  new DomainError('CREDENTIAL_NOT_FOUND', `No credential with client id ${clientId}`);

@QueryHandler(GetCredentialQuery)
export class GetCredentialHandler implements IQueryHandler<GetCredentialQuery> {
  constructor(
    private readonly reader: CredentialReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ clientId, reach }: GetCredentialQuery): Promise<CredentialView> {
    const view = this.reader.get(clientId, this.clock());
    if (!view || !withinReach(reach, view.accounts)) throw credentialNotFound(clientId);
    return view;
  }
}
