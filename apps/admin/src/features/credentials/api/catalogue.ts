/**
 * The role and API catalogues (`GET /v1/catalogue`) for the pickers. Without a catalogue (empty lists,
 * or a service that does not offer the endpoint) the console falls back to free entry.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface Catalogue {
  readonly roles: readonly string[];
  readonly apis: readonly string[];
}

const NONE: Catalogue = { roles: [], apis: [] };

// Typed by hand until the service's OpenAPI document (and so src/api/schema.d.ts) describes the route.
type UntypedGet = (path: string) => Promise<{ data?: unknown; response: Response }>;

async function fetchCatalogue(): Promise<Catalogue> {
  try {
    const { data, response } = await (api.GET as unknown as UntypedGet)('/v1/catalogue');
    if (!response.ok || typeof data !== 'object' || data === null) return NONE;
    const { roles, apis } = data as Partial<Catalogue>;
    const strings = (list: unknown) =>
      Array.isArray(list) ? list.filter((item) => typeof item === 'string') : [];
    return { roles: strings(roles), apis: strings(apis) };
  } catch {
    return NONE;
  }
}

export const useCatalogue = () =>
  useQuery({ queryKey: queryKeys.catalogue, queryFn: fetchCatalogue, staleTime: 5 * 60_000 });
