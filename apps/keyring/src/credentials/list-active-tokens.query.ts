import { Query } from '@nestjs/cqrs';
import type { AccountReach } from '@keyring/domain';
import type { ActiveTokenView } from '../projection/credentials/credential-reader';

export class ListActiveTokensQuery extends Query<{ items: ActiveTokenView[] }> {
  constructor(
    readonly clientId: string,
    readonly reach: AccountReach,
  ) {
    super();
  }
}
