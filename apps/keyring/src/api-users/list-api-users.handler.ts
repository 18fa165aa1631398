import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApiUserReader } from '../projection/api-users/api-user-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { ApiUserView } from './api-user.view';
import { ListApiUsersQuery } from './list-api-users.query';

@QueryHandler(ListApiUsersQuery)
export class ListApiUsersHandler implements IQueryHandler<ListApiUsersQuery> {
  constructor(private readonly reader: ApiUserReader) {}

  async execute({ filter }: ListApiUsersQuery): Promise<Page<ApiUserView>> {
    return this.reader.list(filter);
  }
}
