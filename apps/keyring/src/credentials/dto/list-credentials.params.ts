/** `GET /v1/credentials` query parameters; anything else, or a repeated one, is a 400 naming it. */
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ENVIRONMENTS } from '@keyring/domain';
import { MAX_PAGE_SIZE } from '../../read-models/page-cursor';
import { ACCOUNT_OR_ALL } from './credential-field.decorators';

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

export class ListCredentialsParams extends PageParams {
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_OR_ALL, {
    message: 'account must be "*" or 1–32 characters of A–Z, a–z, 0–9, "_" and "-"',
  })
  account?: string;

  @IsOptional()
  @IsIn(['active', 'revoked'], { message: 'status must be one of active, revoked' })
  status?: 'active' | 'revoked';

  @IsOptional()
  @IsIn(ENVIRONMENTS, { message: `environment must be one of ${ENVIRONMENTS.join(', ')}` })
  environment?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;
}
