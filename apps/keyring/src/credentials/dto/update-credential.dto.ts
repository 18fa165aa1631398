import { IsOptional } from 'class-validator';
import {
  AccountsField,
  AllowedIpsField,
  ApisField,
  DescriptionField,
  NameField,
  RolesField,
} from './credential-field.decorators';

export class UpdateCredentialDto {
  @IsOptional()
  @NameField()
  name?: string;

  @IsOptional()
  @DescriptionField()
  description?: string;

  @IsOptional()
  @AccountsField()
  accounts?: string[];

  @IsOptional()
  @RolesField()
  roles?: string[];

  @IsOptional()
  @ApisField()
  apis?: string[];

  @IsOptional()
  @AllowedIpsField()
  allowedIps?: string[];
}
