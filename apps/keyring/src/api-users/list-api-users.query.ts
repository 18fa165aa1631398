import { Query } from '@nestjs/cqrs';
import type { ApiUserFilter } from '../projection/api-users/api-user-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { ApiUserView } from './api-user.view';

export class ListApiUsersQuery extends Query<Page<ApiUserView>> {
  constructor(readonly filter: ApiUserFilter) {
    super();
  }
}
