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
export class UpdateCredentialDto {
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
