/**
 * What the audit trail keeps of refused token requests: one bounded record
 * per refusal, or one counted record for many. The token grant decides
 * refusals here and the application's throttle makes them too, so both
 * build their records with these functions.
 */
import {
  CREDENTIAL_EVENT_SCHEMA_VERSION,
  type TokenRequestRefusalsCounted,
  type TokenRequestRefused,
} from './events';

/** A refusal record keeps at most this much of the scope parameter a caller sent. */
export const REFUSED_SCOPE_KEPT_CHARACTERS = 256;

export interface RefusedTokenRequest {
  readonly clientId: string;
  readonly reason: string;
  readonly sourceIp: string;
  readonly requestedScope: readonly string[] | null;
  readonly secretId: string | null;
  readonly refusedAt: Date;
}

/** The scope as a refusal keeps it: whole when short, else its first characters and its length. */
function boundedScope(
  scope: readonly string[] | null,
): Pick<TokenRequestRefused['data'], 'requestedScope' | 'requestedScopeLength'> {
  if (scope === null) return { requestedScope: null };
  const parameter = scope.join(' ');
  if (parameter.length <= REFUSED_SCOPE_KEPT_CHARACTERS) return { requestedScope: scope };
  const kept = parameter.slice(0, REFUSED_SCOPE_KEPT_CHARACTERS).split(' ');
  return { requestedScope: kept, requestedScopeLength: parameter.length };
}

export const tokenRequestRefused = (request: RefusedTokenRequest): TokenRequestRefused => ({
  type: 'TokenRequestRefused',
  schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
  data: {
    clientId: request.clientId,
    reason: request.reason,
    sourceIp: request.sourceIp,
    ...boundedScope(request.requestedScope),
    secretId: request.secretId,
    refusedAt: request.refusedAt.toISOString(),
  },
});

export interface CountedRefusals {
  readonly clientId: string;
  readonly sourceIp: string;
  readonly reasons: Readonly<Record<string, number>>;
  readonly firstRefusedAt: Date;
  readonly lastRefusedAt: Date;
}

export const tokenRequestRefusalsCounted = (counted: CountedRefusals): TokenRequestRefusalsCounted => ({
  type: 'TokenRequestRefusalsCounted',
  schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
  data: {
    clientId: counted.clientId,
    sourceIp: counted.sourceIp,
    count: Object.values(counted.reasons).reduce((sum, count) => sum + count, 0),
    reasons: { ...counted.reasons },
    firstRefusedAt: counted.firstRefusedAt.toISOString(),
    lastRefusedAt: counted.lastRefusedAt.toISOString(),
  },
});
