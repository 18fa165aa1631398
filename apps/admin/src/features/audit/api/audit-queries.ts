import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components, operations } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditAction = AuditEntry['action'];
export type AuditFilters = NonNullable<operations['AuditController_query']['parameters']['query']>;

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'credential.created',
  'credential.updated',
  'secret.generated',
  'secret.deleted',
  'token.issued',
  'token.revoked',
  'credential.revoked',
  'token.refused',
  'api-user.created',
  'api-user.password-set',
  'api-user.updated',
  'api-user.disabled',
  'api-user.enabled',
  'api-user.deleted',
  'api-user.migrated',
  'api-user.basic-used',
  'api-user.basic-refused',
];

export const useAuditLog = (filters: AuditFilters) =>
  useQuery({
    queryKey: queryKeys.auditList(filters),
    queryFn: () => unwrap(api.GET('/v1/audit', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

/** Replays the whole event store on the server: only when asked. */
export const useAuditVerification = () =>
  useQuery({
    queryKey: queryKeys.auditVerification,
    queryFn: () => unwrap(api.GET('/v1/audit/verify')),
    enabled: false,
    staleTime: Infinity,
  });
