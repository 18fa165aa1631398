/** `GET /v1/audit` query parameters. Times are ISO-8601 instants; `from` is inclusive, `to` exclusive. */
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AccountFilterField } from '../credentials/dto/credential-field.decorators';
import { normalisedInstant, OptionalInstantField, PageParams } from '../http/query-params';
import type { AccountReach } from '../auth/account-reach';
import type { AuditFilter } from '../read-models/audit-log-reader';
import { DEFAULT_PAGE_SIZE } from '../read-models/page-cursor';
import { UUID_PATTERN } from '../credentials/id-params.pipe';
import { AUDIT_ACTION_NAMES, type AuditAction } from './audit-entry';

export class AuditQueryParams extends PageParams {
  @AccountFilterField()
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

  @OptionalInstantField('from')
  from?: string;

  @OptionalInstantField('to')
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
