/**
 * One decorator per credential field, built from the domain's own limits and
 * patterns, so create and update bodies validate a field the same way.
 */
import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  ACCOUNT_ID_PATTERN,
  ENVIRONMENTS,
  FIELD_LIMITS,
  ROLE_PATTERN,
  SCOPE_TOKEN_PATTERN,
} from '@keyring/domain';
import { IsIpOrCidr } from './is-ip-or-cidr.decorator';

const ACCOUNT_OR_ALL = new RegExp(`^(?:\\*|${ACCOUNT_ID_PATTERN.source.slice(1, -1)})$`);

/** An optional `account` filter of a list. */
export const AccountFilterField = () =>
  applyDecorators(
    IsOptional(),
    IsString(),
    Matches(ACCOUNT_OR_ALL, {
      message: 'account must be "*" or 1–32 characters of A–Z, a–z, 0–9, "_" and "-"',
    }),
  );

export const NameField = () =>
  applyDecorators(IsString(), MinLength(1), MaxLength(FIELD_LIMITS.nameMaxLength));

export const DescriptionField = () =>
  applyDecorators(IsString(), MaxLength(FIELD_LIMITS.descriptionMaxLength));

export const EnvironmentField = () =>
  applyDecorators(IsIn(ENVIRONMENTS, { message: `environment must be one of ${ENVIRONMENTS.join(', ')}` }));

export const AccountsField = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(FIELD_LIMITS.maxAccounts),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(ACCOUNT_OR_ALL, {
      each: true,
      message: 'each value in accounts must be "*" or 1–32 characters of A–Z, a–z, 0–9, "_" and "-"',
    }),
  );

export const RolesField = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(FIELD_LIMITS.maxRoles),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(ROLE_PATTERN, { each: true, message: `each value in roles must match ${ROLE_PATTERN.source}` }),
  );

export const ApisField = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(FIELD_LIMITS.maxApis),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(SCOPE_TOKEN_PATTERN, {
      each: true,
      message: 'each value in apis must be an OAuth scope token: 1–128 printable characters without spaces',
    }),
  );

export const AllowedIpsField = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(FIELD_LIMITS.maxAllowedIps),
    ArrayUnique(),
    IsIpOrCidr({ each: true }),
  );

export const LifetimeDaysField = () =>
  applyDecorators(
    IsInt(),
    Min(FIELD_LIMITS.secretLifetimeDays.min),
    Max(FIELD_LIMITS.secretLifetimeDays.max),
  );
