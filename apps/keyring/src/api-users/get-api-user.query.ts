import { Query } from '@nestjs/cqrs';
import type { AccountReach } from '@keyring/domain';
import type { ApiUserView } from './api-user.view';

export class GetApiUserQuery extends Query<ApiUserView> {
  constructor(
    readonly username: string,
    readonly reach: AccountReach,
  ) {
    super();
  }
}
