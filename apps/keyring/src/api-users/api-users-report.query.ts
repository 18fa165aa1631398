import { Query } from '@nestjs/cqrs';
import type { AccountReach } from '@keyring/domain';

export interface UnmigratedApiUser {
  readonly username: string;
  readonly accounts: readonly string[];
  readonly roles: readonly string[];
  readonly status: 'active' | 'disabled';
  readonly lastUsedAt: string | null;
  readonly daysLeft: number;
}

export interface ApiUsersReport {
  readonly retiresAt: string;
  readonly retired: boolean;
  readonly daysLeft: number;
  readonly unmigrated: readonly UnmigratedApiUser[];
}

export class ApiUsersReportQuery extends Query<ApiUsersReport> {
  constructor(readonly reach: AccountReach) {
    super();
  }
}
