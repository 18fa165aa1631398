import {
  type Assert,
  type CreationFields,
  type Environment,
  FIELD_LIMITS,
  type SameKeys,
} from '@keyring/domain';
import {
  AccountsField,
  AllowedIpsField,
  ApisField,
  DescriptionField,
  EnvironmentField,
  LifetimeDaysField,
  NameField,
  OptionalField,
  RolesField,
} from './credential-field.decorators';

/**
 * A new credential's fields as REST and gRPC name them: the domain's, except
 * that the secrets' lifetime is `secretExpiresInDays` on the wire.
 */
export type CreationBody = Omit<CreationFields, 'secretLifetimeDays'> & {
  readonly secretExpiresInDays?: number;
};

export class CreateCredentialDto implements CreationBody {
  @NameField()
  name!: string;

  @OptionalField()
  @DescriptionField()
  description?: string;

  @EnvironmentField()
  environment!: Environment;

  @AccountsField()
  accounts!: string[];

  @RolesField()
  roles!: string[];

  @OptionalField()
  @ApisField()
  apis?: string[];

  @OptionalField()
  @AllowedIpsField()
  allowedIps?: string[];

  @OptionalField({
    description: "Lifetime of this credential's secrets unless a secret sets its own",
    default: FIELD_LIMITS.secretLifetimeDays.default,
  })
  @LifetimeDaysField()
  secretExpiresInDays?: number;
}

// A field the domain gains and this body lacks fails to compile here.
type _EveryField = Assert<SameKeys<CreateCredentialDto, CreationBody>>;

/** The domain's fields from a validated request (REST body or gRPC message). */
export const credentialFieldsOf = ({
  secretExpiresInDays,
  ...fields
}: CreateCredentialDto): CreationFields => ({
  ...fields,
  secretLifetimeDays: secretExpiresInDays,
});
