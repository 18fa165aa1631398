import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { requireAccountsWithinReach } from '../../credential-store/caller-reach';
import { type AccessAtInstant, PointInTimeAccess } from './point-in-time-access';
import { AccessAtQuery } from './access-at.query';

@QueryHandler(AccessAtQuery)
export class AccessAtHandler implements IQueryHandler<AccessAtQuery> {
  constructor(@Inject(PointInTimeAccess) private readonly access: PointInTimeAccess) {}

  async execute({ account, at, reach }: AccessAtQuery): Promise<AccessAtInstant> {
    requireAccountsWithinReach(reach, [account]);
    return this.access.accessAt(account, at, reach);
  }
}
