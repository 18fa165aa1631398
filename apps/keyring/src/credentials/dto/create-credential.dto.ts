import { type CredentialFields, type Environment, FIELD_LIMITS } from '@keyring/domain';
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

export class CreateCredentialDto {
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

/** The domain's fields from a validated request (REST body or gRPC message). */
export const credentialFieldsOf = (dto: CreateCredentialDto): CredentialFields => ({
  name: dto.name,
  description: dto.description,
  environment: dto.environment,
  accounts: dto.accounts,
  roles: dto.roles,
  apis: dto.apis,
  allowedIps: dto.allowedIps,
  secretLifetimeDays: dto.secretExpiresInDays,
});
