/** Who still depends on Basic: every living user not yet migrated, and the days left to move it. */
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { daysUntilRetirement, isBasicAuthRetired } from '@keyring/domain';
import { ApiUserReader } from '../projection/api-users/api-user-reader';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { type ApiUsersReport, ApiUsersReportQuery } from './api-users-report.query';

@QueryHandler(ApiUsersReportQuery)
export class ApiUsersReportHandler implements IQueryHandler<ApiUsersReportQuery> {
  constructor(
    private readonly reader: ApiUserReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  async execute({ reach }: ApiUsersReportQuery): Promise<ApiUsersReport> {
    const now = this.clock();
    const retiresAt = this.config.basicAuthRetiresAt;
    const daysLeft = daysUntilRetirement(now, retiresAt);
    return {
      retiresAt: retiresAt.toISOString(),
      retired: isBasicAuthRetired(now, retiresAt),
      daysLeft,
      unmigrated: this.reader.unmigrated(reach).map((user) => ({
        username: user.username,
        accounts: user.accounts,
        roles: user.roles,
        status: user.status as 'active' | 'disabled',
        lastUsedAt: user.lastUsedAt,
        daysLeft,
      })),
    };
  }
}
