/** Query-string pieces several list endpoints share: keyset pages and ISO-8601 instants. */
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../read-models/page-cursor';

export class PageParams {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

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

export const OptionalInstantField = (name: string) => applyDecorators(IsOptional(), InstantField(name));
