/** `GET /v1/audit` query parameters. Times are ISO-8601 instants; `from` is inclusive, `to` exclusive. */
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ACCOUNT_OR_ALL } from '../credentials/dto/credential-field.decorators';
import { PageParams } from '../credentials/dto/list-credentials.params';
import { UUID_PATTERN } from '../credentials/id-params.pipe';
import { AUDIT_ACTION_NAMES, type AuditAction } from './audit-entry';

export class AuditQueryParams extends PageParams {
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_OR_ALL, {
    message: 'account must be "*" or 1–32 characters of A–Z, a–z, 0–9, "_" and "-"',
  })
  account?: string;

  @IsOptional()
  @IsString()
  @Matches(UUID_PATTERN, { message: 'clientId must be a client id (a UUID)' })
  clientId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTION_NAMES, { message: `action must be one of ${AUDIT_ACTION_NAMES.join(', ')}` })
  action?: AuditAction;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z' })
  to?: string;
}
