import { Query } from '@nestjs/cqrs';
import type { AccountReach } from '@keyring/domain';
import type { AccessAtInstant } from './point-in-time-access';

export class AccessAtQuery extends Query<AccessAtInstant> {
  constructor(
    readonly account: string,
    readonly at: Date,
    readonly reach: AccountReach,
  ) {
    super();
  }
}
