import type { Assert, CredentialChanges, SameKeys } from '@keyring/domain';
import {
  AccountsField,
  AllowedIpsField,
  ApisField,
  DescriptionField,
  NameField,
  OptionalField,
  RolesField,
} from './credential-field.decorators';

/** Only the fields sent change; the environment is fixed at creation. */
export class UpdateCredentialDto implements CredentialChanges {
  @OptionalField()
  @NameField()
  name?: string;

  @OptionalField()
  @DescriptionField()
  description?: string;

  @OptionalField()
  @AccountsField()
  accounts?: string[];

  @OptionalField()
  @RolesField()
  roles?: string[];

  @OptionalField()
  @ApisField()
  apis?: string[];

  @OptionalField()
  @AllowedIpsField()
  allowedIps?: string[];
}

// A field the domain lets an update change and this body lacks fails to compile here.
type _EveryChange = Assert<SameKeys<UpdateCredentialDto, CredentialChanges>>;
