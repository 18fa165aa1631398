/** Pages through the credentials the caller reaches, newest first, from the read models. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../clock';
import { type CredentialFilter, CredentialReader } from '../read-models/credential-reader';
import type { Page } from '../read-models/page-cursor';
import type { CredentialView } from './credential.view';

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
