/**
 * One decorator per credential field, built from the domain's own limits and
 * patterns, so create and update bodies validate a field the same way and
 * the OpenAPI document states the same rules the validator enforces.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
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

/** A field the body may leave out: the validator skips it when absent, and the schema does not require it. */
export const OptionalField = (schema: ApiPropertyOptions = {}) =>
  applyDecorators(IsOptional(), ApiPropertyOptional(schema));

/** An optional `account` filter of a list. */
export const AccountFilterField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      pattern: ACCOUNT_OR_ALL.source,
      description: 'Only those whose accounts list this value exactly ("*" matches the all-accounts grant)',
    }),
    IsOptional(),
    IsString(),
    Matches(ACCOUNT_OR_ALL, {
      message: 'account must be "*" or 1–32 characters of A–Z, a–z, 0–9, "_" and "-"',
    }),
  );

export const NameField = () =>
  applyDecorators(
    ApiProperty({
      type: String,
      minLength: 1,
      maxLength: FIELD_LIMITS.nameMaxLength,
      example: 'billing-service',
    }),
    IsString(),
    MinLength(1),
    MaxLength(FIELD_LIMITS.nameMaxLength),
  );

export const DescriptionField = () =>
  applyDecorators(
    ApiProperty({ type: String, maxLength: FIELD_LIMITS.descriptionMaxLength }),
    IsString(),
    MaxLength(FIELD_LIMITS.descriptionMaxLength),
  );

export const EnvironmentField = () =>
  applyDecorators(
    ApiProperty({ enum: [...ENVIRONMENTS] }),
    IsIn(ENVIRONMENTS, { message: `environment must be one of ${ENVIRONMENTS.join(', ')}` }),
  );

export const AccountsField = () =>
  applyDecorators(
    ApiProperty({
      type: [String],
      minItems: 1,
      maxItems: FIELD_LIMITS.maxAccounts,
      uniqueItems: true,
      pattern: ACCOUNT_OR_ALL.source,
      description: 'The accounts the credential acts on; "*" for every account',
      example: ['9900001'],
    }),
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
    ApiProperty({
      type: [String],
      minItems: 1,
      maxItems: FIELD_LIMITS.maxRoles,
      uniqueItems: true,
      pattern: ROLE_PATTERN.source,
      description: 'Roles granted to the tokens; from the role catalogue when one is configured',
      example: ['billing:read'],
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(FIELD_LIMITS.maxRoles),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(ROLE_PATTERN, { each: true, message: `each value in roles must match ${ROLE_PATTERN.source}` }),
  );

export const ApisField = () =>
  applyDecorators(
    ApiProperty({
      type: [String],
      maxItems: FIELD_LIMITS.maxApis,
      uniqueItems: true,
      pattern: SCOPE_TOKEN_PATTERN.source,
      description: 'The OAuth scopes the credential may be granted',
      example: ['invoices:read'],
    }),
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
    ApiProperty({
      type: [String],
      maxItems: FIELD_LIMITS.maxAllowedIps,
      uniqueItems: true,
      description: 'IPv4/IPv6 addresses or CIDR blocks tokens may be requested from; empty allows any',
      example: ['10.0.0.0/8'],
    }),
    IsArray(),
    ArrayMaxSize(FIELD_LIMITS.maxAllowedIps),
    ArrayUnique(),
    IsIpOrCidr({ each: true }),
  );

export const LifetimeDaysField = () =>
  applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: FIELD_LIMITS.secretLifetimeDays.min,
      maximum: FIELD_LIMITS.secretLifetimeDays.max,
    }),
    IsInt(),
    Min(FIELD_LIMITS.secretLifetimeDays.min),
    Max(FIELD_LIMITS.secretLifetimeDays.max),
  );
