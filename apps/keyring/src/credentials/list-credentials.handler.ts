/** Pages through the credentials the caller reaches, newest first, from the read models. */
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CredentialReader } from '../projection/credentials/credential-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { CredentialView } from '../projection/credentials/credential.view';
import { ListCredentialsQuery } from './list-credentials.query';

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
