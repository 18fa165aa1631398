/**
 * What a credential may be granted here: the roles and APIs of the
 * deployment's catalogues, read from the same policy that validation applies.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type CredentialPolicy, grantableApis, grantableRoles } from '@keyring/domain';
import { CREDENTIAL_POLICY } from '../credential-store/credential-policy.provider';

/** An empty list means no catalogue is set: any well-formed value is accepted. */
export interface Catalogue {
  readonly roles: string[];
  readonly apis: string[];
}

export class GetCatalogueQuery extends Query<Catalogue> {}

@QueryHandler(GetCatalogueQuery)
export class GetCatalogueHandler implements IQueryHandler<GetCatalogueQuery> {
  constructor(@Inject(CREDENTIAL_POLICY) private readonly policy: CredentialPolicy) {}

  async execute(): Promise<Catalogue> {
    return {
      roles: [...(grantableRoles(this.policy) ?? [])],
      apis: [...(grantableApis(this.policy) ?? [])],
    };
  }
}
