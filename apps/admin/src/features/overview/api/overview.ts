/**
 * The overview's figures, counted from the public API: the credential list (active credentials and
 * their secrets) and the audit log (tokens issued and refused in the last 24 hours). Counting stops
 * after a bounded number of pages and says so.
 */
import { useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { expiresSoon, rotationDue } from '../../../lib/secret-health';
import { DAY_MS } from '../../../lib/time';

type Credential = components['schemas']['CredentialView'];

const PAGE = 200;
const MAX_PAGES = 10;

export interface Count {
  readonly value: number;
  /** True when counting stopped before the end: the figure is a lower bound. */
  readonly atLeast: boolean;
}

export interface OverviewFigures {
  readonly activeCredentials: Count;
  readonly secretsExpiringSoon: Count;
  readonly secretsPastRotation: Count;
  readonly tokensIssued: Count;
  readonly tokensRefused: Count;
  /** ISO instant the 24 hours are counted from. */
  readonly since: string;
}

async function activeCredentials(): Promise<{ items: Credential[]; atLeast: boolean }> {
  const items: Credential[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await unwrap(
      api.GET('/v1/credentials', { params: { query: { status: 'active', limit: PAGE, cursor } } }),
    );
    items.push(...answer.items);
    if (!answer.nextCursor) return { items, atLeast: false };
    cursor = answer.nextCursor;
  }
  return { items, atLeast: true };
}

async function auditCount(action: 'token.issued' | 'token.refused', from: string): Promise<Count> {
  let value = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await unwrap(
      api.GET('/v1/audit', { params: { query: { action, from, limit: PAGE, cursor } } }),
    );
    value += answer.items.length;
    if (!answer.nextCursor) return { value, atLeast: false };
    cursor = answer.nextCursor;
  }
  return { value, atLeast: true };
}

async function overviewFigures(): Promise<OverviewFigures> {
  const now = Date.now();
  const since = new Date(now - DAY_MS).toISOString();
  const [credentials, tokensIssued, tokensRefused] = await Promise.all([
    activeCredentials(),
    auditCount('token.issued', since),
    auditCount('token.refused', since),
  ]);
  const secrets = credentials.items.flatMap((credential) =>
    credential.secrets.filter((secret) => secret.status === 'active'),
  );
  const count = (value: number): Count => ({ value, atLeast: credentials.atLeast });
  return {
    activeCredentials: count(credentials.items.length),
    secretsExpiringSoon: count(secrets.filter((secret) => expiresSoon(secret, now)).length),
    secretsPastRotation: count(secrets.filter((secret) => rotationDue(secret, now)).length),
    tokensIssued,
    tokensRefused,
    since,
  };
}

export const useOverview = () => useQuery({ queryKey: queryKeys.overview, queryFn: overviewFigures });

/** The audit chain's verification, shared with the Audit page through its query key. */
export const useChainVerification = () =>
  useQuery({
    queryKey: queryKeys.auditVerification,
    queryFn: () => unwrap(api.GET('/v1/audit/verify')),
    enabled: false,
    staleTime: Infinity,
  });
