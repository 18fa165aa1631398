/** `GET /v1/audit` query parameters. Times are ISO-8601 instants; `from` is inclusive, `to` exclusive. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AccountFilterField } from '../credentials/dto/credential-field.decorators';
import { normalisedInstant, OptionalInstantField, PageParams } from '../platform/http/query-params';
import type { AccountReach } from '@keyring/domain';
import type { AuditFilter } from '../projection/audit-log/audit-log-reader';
import { DEFAULT_PAGE_SIZE } from '../platform/pagination/page-cursor';
import { UUID_PATTERN } from '@keyring/domain';
import { AUDIT_ACTION_NAMES, type AuditAction } from '../projection/audit-log/audit-entry';

export class AuditQueryParams extends PageParams {
  @AccountFilterField()
  account?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsString()
  @Matches(UUID_PATTERN, { message: 'clientId must be a client id (a UUID)' })
  clientId?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 200,
    description: "The actor's id: a client id, or the CLI operator's name",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ enum: [...AUDIT_ACTION_NAMES] })
  @IsOptional()
  @IsIn(AUDIT_ACTION_NAMES, { message: `action must be one of ${AUDIT_ACTION_NAMES.join(', ')}` })
  action?: AuditAction;

  @OptionalInstantField('from', 'Entries at or after this instant')
  from?: string;

  @OptionalInstantField('to', 'Entries before this instant')
  to?: string;
}

/** Validated parameters as the reader's filter: ids in lower case, instants in the stored form. */
export function auditFilterOf(params: AuditQueryParams, reach: AccountReach): AuditFilter {
  const { limit = DEFAULT_PAGE_SIZE, from, to, clientId, ...filters } = params;
  return {
    ...filters,
    clientId: clientId?.toLowerCase(),
    from: normalisedInstant(from),
    to: normalisedInstant(to),
    limit,
    reach,
  };
}
