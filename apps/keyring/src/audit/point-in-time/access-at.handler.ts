import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AccountReach } from '@keyring/domain';
import { requireAccountsWithinReach } from '../../credential-store/caller-reach';
import { type AccessAtInstant, PointInTimeAccess } from './point-in-time-access';

export class AccessAtQuery extends Query<AccessAtInstant> {
  constructor(
    readonly account: string,
    readonly at: Date,
    readonly reach: AccountReach,
  ) {
    super();
  }
}

@QueryHandler(AccessAtQuery)
export class AccessAtHandler implements IQueryHandler<AccessAtQuery> {
  constructor(@Inject(PointInTimeAccess) private readonly access: PointInTimeAccess) {}

  async execute({ account, at, reach }: AccessAtQuery): Promise<AccessAtInstant> {
    requireAccountsWithinReach(reach, [account]);
    return this.access.accessAt(account, at, reach);
  }
}
