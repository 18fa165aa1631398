/** `GET /v1/credentials` query parameters; anything else, or a repeated one, is a 400 naming it. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ENVIRONMENTS } from '@keyring/domain';
import { PageParams } from '../../platform/http/query-params';
import { AccountFilterField } from './credential-field.decorators';

export class ListCredentialsParams extends PageParams {
  @AccountFilterField()
  account?: string;

  @ApiPropertyOptional({ enum: ['active', 'revoked'] })
  @IsOptional()
  @IsIn(['active', 'revoked'], { message: 'status must be one of active, revoked' })
  status?: 'active' | 'revoked';

  @ApiPropertyOptional({ enum: [...ENVIRONMENTS] })
  @IsOptional()
  @IsIn(ENVIRONMENTS, { message: `environment must be one of ${ENVIRONMENTS.join(', ')}` })
  environment?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 3650,
    description: 'Only credentials with an active secret expiring within this many days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;
}
