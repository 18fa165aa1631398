/** Bodies and query parameters of `/v1/api-users`; anything else is a 400 naming it. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  API_USER_STATUSES,
  type ApiUserStatus,
  type Environment,
  PASSWORD_LIMITS,
  USERNAME_PATTERN,
} from '@keyring/domain';
import {
  AccountFilterField,
  AccountsField,
  AllowedIpsField,
  ApisField,
  EnvironmentField,
  NameField,
  OptionalField,
  RolesField,
} from '../../credentials/dto/credential-field.decorators';
import { OptionalInstantField, PageParams } from '../../platform/http/query-params';

const PasswordField = () => (target: object, key: string) => {
  ApiPropertyOptional({
    type: String,
    minLength: PASSWORD_LIMITS.minLength,
    maxLength: PASSWORD_LIMITS.maxLength,
    description: 'Chosen password; left out, one of 192 random bits is generated and shown once',
  })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  Length(PASSWORD_LIMITS.minLength, PASSWORD_LIMITS.maxLength, {
    message: `password must be ${PASSWORD_LIMITS.minLength}-${PASSWORD_LIMITS.maxLength} characters`,
  })(target, key);
};

export class CreateApiUserDto {
  @ApiProperty({
    type: String,
    pattern: USERNAME_PATTERN.source,
    description: 'Case-sensitive, never changes',
  })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: `username must be 1-64 characters of ${USERNAME_PATTERN.source}` })
  username!: string;

  @AccountsField()
  accounts!: string[];

  @RolesField()
  roles!: string[];

  @PasswordField()
  password?: string;
}

export class SetPasswordDto {
  @PasswordField()
  password?: string;
}

export class UpdateApiUserDto {
  @OptionalField()
  @AccountsField()
  accounts?: string[];

  @OptionalField()
  @RolesField()
  roles?: string[];

  @ApiPropertyOptional({
    enum: ['active', 'disabled'],
    description: 'Disable or enable Basic authentication',
  })
  @IsOptional()
  @IsIn(['active', 'disabled'], { message: 'status must be one of active, disabled' })
  status?: 'active' | 'disabled';
}

export class MigrateApiUserDto {
  @OptionalField()
  @NameField()
  name?: string;

  @EnvironmentField()
  environment!: Environment;

  @OptionalField()
  @ApisField()
  apis?: string[];

  @OptionalField()
  @AllowedIpsField()
  allowedIps?: string[];

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Disable the user in the same step' })
  @IsOptional()
  @IsBoolean({ message: 'disableBasic must be a boolean' })
  disableBasic?: boolean;
}

export class VerifyBasicDto {
  @ApiProperty({
    type: String,
    example: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=',
    description: 'The Authorization header to verify',
  })
  @IsString()
  @Length(1, 1024, { message: 'authorization must be 1-1024 characters' })
  authorization!: string;
}

export class ListApiUsersParams extends PageParams {
  @AccountFilterField()
  account?: string;

  @ApiPropertyOptional({ enum: [...API_USER_STATUSES] })
  @IsOptional()
  @IsIn(API_USER_STATUSES, { message: `status must be one of ${API_USER_STATUSES.join(', ')}` })
  status?: ApiUserStatus;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only users migrated (true) or not yet (false)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'migrated must be true or false' })
  migrated?: 'true' | 'false';

  @OptionalInstantField('usedSince', 'Only users whose last recorded use is at or after this instant')
  usedSince?: string;
}
