import { IsOptional } from 'class-validator';
import type { CredentialFields, Environment } from '@keyring/domain';
import {
  AccountsField,
  AllowedIpsField,
  ApisField,
  DescriptionField,
  EnvironmentField,
  LifetimeDaysField,
  NameField,
  RolesField,
} from './credential-field.decorators';

export class CreateCredentialDto {
  @NameField()
  name!: string;

  @IsOptional()
  @DescriptionField()
  description?: string;

  @EnvironmentField()
  environment!: Environment;

  @AccountsField()
  accounts!: string[];

  @RolesField()
  roles!: string[];

  @IsOptional()
  @ApisField()
  apis?: string[];

  @IsOptional()
  @AllowedIpsField()
  allowedIps?: string[];

  /** Lifetime of this credential's secrets unless a secret sets its own (default 90). */
  @IsOptional()
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
