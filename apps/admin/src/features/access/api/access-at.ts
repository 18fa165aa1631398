import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Who could obtain a token for an account at an instant (the server replays the event store). */
export const useAccessAt = (account: string, at: string) =>
  useQuery({
    queryKey: queryKeys.access(account, at),
    queryFn: () => unwrap(api.GET('/v1/access', { params: { query: { account, at } } })),
    enabled: account !== '' && at !== '',
    staleTime: Infinity,
  });
