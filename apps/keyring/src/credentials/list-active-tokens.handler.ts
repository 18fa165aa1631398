/** The tokens a credential holds that are valid now. */
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { type ActiveTokenView, CredentialReader } from '../projection/credentials/credential-reader';
import { requireCredentialWithinReach } from '../credential-store/caller-reach';
import { ListActiveTokensQuery } from './list-active-tokens.query';

@QueryHandler(ListActiveTokensQuery)
export class ListActiveTokensHandler implements IQueryHandler<ListActiveTokensQuery> {
  constructor(
    private readonly reader: CredentialReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ clientId, reach }: ListActiveTokensQuery): Promise<{ items: ActiveTokenView[] }> {
    requireCredentialWithinReach(reach, this.reader.accountsOf(clientId));
    return { items: this.reader.activeTokens(clientId, this.clock()) };
  }
}
