/** Pages through the credentials the caller reaches, newest first, from the read models. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { type CredentialFilter, CredentialReader } from '../projection/credentials/credential-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { CredentialView } from '../projection/credentials/credential.view';

export class ListCredentialsQuery extends Query<Page<CredentialView>> {
  constructor(readonly filter: CredentialFilter) {
    super();
  }
}

@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery> {
  constructor(
    private readonly reader: CredentialReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter }: ListCredentialsQuery): Promise<Page<CredentialView>> {
    return this.reader.list(filter, this.clock());
  }
}
