import { Query } from '@nestjs/cqrs';
import type { CredentialFilter } from '../projection/credentials/credential-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { CredentialView } from '../projection/credentials/credential.view';

export class ListCredentialsQuery extends Query<Page<CredentialView>> {
  constructor(readonly filter: CredentialFilter) {
    super();
  }
}
