/** Query-string pieces several list endpoints share: keyset pages and ISO-8601 instants. */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-cursor';

export class PageParams {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ type: String, description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export const InstantField = (name: string) =>
  IsISO8601(
    { strict: true },
    { message: `${name} must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z` },
  );

/** Query-string instants compare with stored ones as text, so both take one form. */
export const normalisedInstant = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : new Date(value).toISOString();

/** How an instant reads in the OpenAPI document. */
export const INSTANT_SCHEMA = { type: String, format: 'date-time', example: '2026-01-31T00:00:00Z' };

export const OptionalInstantField = (name: string, description?: string) =>
  applyDecorators(ApiPropertyOptional({ ...INSTANT_SCHEMA, description }), IsOptional(), InstantField(name));
