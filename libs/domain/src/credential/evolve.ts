/**
 * Folds events into state. Pure and total: an event that cannot apply (an
 * event for a credential that was never created) leaves the state unchanged
 * rather than throwing, so one odd event cannot make a stream unreadable.
 */
import type {
  CredentialCreated,
  CredentialEvent,
  CredentialUpdated,
  SecretGenerated,
  TokenIssued,
} from './events';
import {
  type CredentialState,
  type ExistingCredential,
  initialCredentialState,
  type TokenRecord,
} from './state';
import { epochFromIso } from './time';

function created({ data }: CredentialCreated): ExistingCredential {
  const createdAt = epochFromIso(data.createdAt);
  return {
    status: 'active',
    clientId: data.clientId,
    name: data.name,
    description: data.description,
    environment: data.environment,
    accounts: data.accounts,
    roles: data.roles,
    apis: data.apis,
    allowedIps: data.allowedIps,
    secretLifetimeDays: data.secretLifetimeDays,
    createdAt,
    updatedAt: createdAt,
    revokedAt: null,
    lastUsedAt: null,
    secrets: [],
    tokens: [],
  };
}

const updated = (state: ExistingCredential, { data }: CredentialUpdated): ExistingCredential => ({
  ...state,
  ...data.changes,
  updatedAt: epochFromIso(data.updatedAt),
});

const secretGenerated = (state: ExistingCredential, { data }: SecretGenerated): ExistingCredential => ({
  ...state,
  secrets: [
    ...state.secrets,
    {
      secretId: data.secretId,
      secretHash: data.secretHash,
      hint: data.hint,
      createdAt: epochFromIso(data.createdAt),
      expiresAt: epochFromIso(data.expiresAt),
      deletedAt: null,
      lastUsedAt: null,
    },
  ],
});

/** How many revoked, unexpired tokens the state keeps (the most recently revoked), so a revoke loop cannot grow it. */
export const KEPT_REVOKED_TOKENS = 10;

/** Only the most recently revoked tokens: a revoked token is no longer valid, whether or not it is kept. */
function withRecentRevocations(tokens: readonly TokenRecord[]): readonly TokenRecord[] {
  const revoked = tokens.filter((token) => token.revokedAt !== null);
  if (revoked.length <= KEPT_REVOKED_TOKENS) return tokens;
  // A stable sort: tokens revoked at the same moment leave in the order they were issued.
  const forgotten = new Set(
    revoked
      .sort((a, b) => (a.revokedAt ?? 0) - (b.revokedAt ?? 0))
      .slice(0, revoked.length - KEPT_REVOKED_TOKENS),
  );
  return tokens.filter((token) => !forgotten.has(token));
}

function tokenIssued(state: ExistingCredential, { data }: TokenIssued): ExistingCredential {
  const issuedAt = epochFromIso(data.issuedAt);
  const token: TokenRecord = {
    jti: data.jti,
    secretId: data.secretId,
    issuedAt,
    expiresAt: epochFromIso(data.expiresAt),
    scope: data.scope,
    // The issuer signs the state's accounts and roles into the token; remember them to know what it carries.
    accounts: state.accounts,
    roles: state.roles,
    sourceIp: data.sourceIp,
    revokedAt: null,
  };
  return {
    ...state,
    lastUsedAt: issuedAt,
    secrets: state.secrets.map((secret) =>
      secret.secretId === data.secretId ? { ...secret, lastUsedAt: issuedAt } : secret,
    ),
    // Tokens already expired can never matter again; dropping them keeps state small on busy streams.
    tokens: [
      ...withRecentRevocations(state.tokens).filter((existing) => existing.expiresAt > issuedAt),
      token,
    ],
  };
}

/**
 * Whether `event` changes a credential that does (`exists`) or does not
 * exist yet: only the first creation counts, and nothing happens to a
 * credential that was never created. Projections that keep less than the
 * whole state ask this too, so they apply exactly the events `evolve` does.
 */
export const eventApplies = (event: CredentialEvent, exists: boolean): boolean =>
  event.type === 'CredentialCreated' ? !exists : exists;

export function evolve(state: CredentialState, event: CredentialEvent): CredentialState {
  if (!eventApplies(event, state.status !== 'absent')) return state;
  if (event.type === 'CredentialCreated') return created(event);
  // Never true here (eventApplies let through only events for an existing credential); it narrows the type.
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'CredentialUpdated':
      return updated(state, event);
    case 'SecretGenerated':
      return secretGenerated(state, event);
    case 'SecretDeleted': {
      const deletedAt = epochFromIso(event.data.deletedAt);
      const secrets = state.secrets.map((secret) =>
        secret.secretId === event.data.secretId && secret.deletedAt === null
          ? { ...secret, deletedAt }
          : secret,
      );
      return { ...state, secrets };
    }
    case 'TokenIssued':
      return tokenIssued(state, event);
    case 'TokenRevoked': {
      const revokedAt = epochFromIso(event.data.revokedAt);
      const tokens = state.tokens.map((token) =>
        token.jti === event.data.jti && token.revokedAt === null ? { ...token, revokedAt } : token,
      );
      return { ...state, tokens: withRecentRevocations(tokens) };
    }
    case 'CredentialRevoked':
      return { ...state, status: 'revoked', revokedAt: epochFromIso(event.data.revokedAt) };
    case 'TokenRequestRefused':
    case 'TokenRequestRefusalsCounted':
      // A refusal is kept for the audit trail only; it changes nothing the rules look at.
      return state;
    default:
      return unreachable(event);
  }
}

const unreachable = (event: never): never => {
  throw new Error(`Unknown credential event ${JSON.stringify(event)}`);
};

/** The state after `events`, starting from `state` (a fresh credential unless a snapshot is given). */
export const fold = (
  events: Iterable<CredentialEvent>,
  state: CredentialState = initialCredentialState(),
): CredentialState => {
  let current = state;
  for (const event of events) current = evolve(current, event);
  return current;
};
