/** Reading credentials: the list, one credential, its live tokens and its history. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { CredentialListFilters } from './types';

export const useCredentialList = (filters: CredentialListFilters) =>
  useQuery({
    queryKey: queryKeys.credentialList(filters),
    queryFn: () => unwrap(api.GET('/v1/credentials', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

export const useCredential = (clientId: string) =>
  useQuery({
    queryKey: queryKeys.credential(clientId),
    queryFn: () => unwrap(api.GET('/v1/credentials/{clientId}', { params: { path: { clientId } } })),
  });

export const useActiveTokens = (clientId: string) =>
  useQuery({
    queryKey: queryKeys.credentialTokens(clientId),
    queryFn: () => unwrap(api.GET('/v1/credentials/{clientId}/tokens', { params: { path: { clientId } } })),
  });

export const useCredentialHistory = (clientId: string) =>
  useInfiniteQuery({
    queryKey: queryKeys.credentialHistory(clientId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/credentials/{clientId}/history', {
          params: { path: { clientId }, query: { limit: 25, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
