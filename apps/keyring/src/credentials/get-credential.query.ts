import { Query } from '@nestjs/cqrs';
import type { AccountReach } from '@keyring/domain';
import type { CredentialView } from '../projection/credentials/credential.view';

export class GetCredentialQuery extends Query<CredentialView> {
  constructor(
    readonly clientId: string,
    readonly reach: AccountReach,
  ) {
    super();
  }
}
