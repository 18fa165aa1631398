/** One API user from the read models; deleted or outside the caller's accounts reads as "not found". */
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireApiUserViewWithinReach } from '../credential-store/caller-reach';
import { ApiUserReader } from '../projection/api-users/api-user-reader';
import type { ApiUserView } from './api-user.view';
import { GetApiUserQuery } from './get-api-user.query';

@QueryHandler(GetApiUserQuery)
export class GetApiUserHandler implements IQueryHandler<GetApiUserQuery> {
  constructor(private readonly reader: ApiUserReader) {}

  async execute({ username, reach }: GetApiUserQuery): Promise<ApiUserView> {
    const user = this.reader.get(username);
    requireApiUserViewWithinReach(reach, user);
    return user as ApiUserView;
  }
}
