import {
  CLIENT_ID,
  CREATED_AT,
  credentialCreated,
  credentialRevoked,
  existingCredential,
  hashOf,
  NOW,
  secretDeleted,
  secretGenerated,
  tokenIssued,
  tokenRevoked,
} from '../testing/credential-fixtures';
import type { CredentialEvent, TokenRequestRefusalsCounted, TokenRequestRefused } from './events';
import { evolve, fold, KEPT_REVOKED_TOKENS } from './evolve';
import { type ExistingCredential, initialCredentialState } from './state';

const existing = (events: CredentialEvent[]): ExistingCredential => {
  const state = fold(events);
  if (state.status === 'absent') throw new Error('expected a credential');
  return state;
};
const epoch = (iso: string): number => Date.parse(iso);

describe('a credential is folded from its events', () => {
  it('starts absent', () => {
    expect(fold([])).toEqual({ status: 'absent' });
  });

  it('holds what it was created with, times as epoch milliseconds', () => {
    expect(existing(existingCredential())).toEqual({
      status: 'active',
      clientId: CLIENT_ID,
      name: 'Billing exporter',
      description: 'Exports invoices nightly',
      environment: 'production',
      accounts: ['9900001'],
      roles: ['keyring:admin'],
      apis: ['messaging', 'voice'],
      allowedIps: [],
      secretLifetimeDays: 90,
      createdAt: epoch(CREATED_AT),
      updatedAt: epoch(CREATED_AT),
      revokedAt: null,
      lastUsedAt: null,
      secrets: [
        {
          secretId: 'secret-1',
          secretHash: hashOf('secret-1'),
          hint: 'kr_sec_…AAAA',
          createdAt: epoch(CREATED_AT),
          expiresAt: epoch('2025-04-01T00:00:00.000Z'),
          deletedAt: null,
          lastUsedAt: null,
        },
      ],
      tokens: [],
    });
  });

  it('applies only the changed fields of an update', () => {
    const state = existing([
      ...existingCredential(),
      {
        type: 'CredentialUpdated',
        schemaVersion: 1,
        data: { clientId: CLIENT_ID, changes: { name: 'Renamed', apis: [] }, updatedAt: NOW.toISOString() },
      },
    ]);
    expect(state).toMatchObject({
      name: 'Renamed',
      apis: [],
      roles: ['keyring:admin'],
      updatedAt: NOW.getTime(),
    });
  });

  it('marks a deleted secret and a revoked token with their times', () => {
    const state = existing([
      ...existingCredential(),
      tokenIssued('jti-1'),
      secretDeleted('secret-1', NOW.toISOString()),
      tokenRevoked('jti-1'),
    ]);
    expect(state.secrets[0].deletedAt).toBe(NOW.getTime());
    expect(state.tokens[0].revokedAt).toBe(NOW.getTime());
  });

  it('marks a revoked credential', () => {
    expect(existing([...existingCredential(), credentialRevoked(NOW.toISOString())])).toMatchObject({
      status: 'revoked',
      revokedAt: NOW.getTime(),
    });
  });

  it('continues from a given state, as from a snapshot', () => {
    const snapshot = fold(existingCredential());
    expect(fold([tokenIssued('jti-1')], snapshot)).toEqual(
      fold([...existingCredential(), tokenIssued('jti-1')]),
    );
  });

  it('ignores events for a credential that was never created', () => {
    const absent = initialCredentialState();
    expect(evolve(absent, secretGenerated())).toBe(absent);
  });

  it('ignores a second creation', () => {
    const state = fold(existingCredential());
    expect(evolve(state, credentialCreated({ name: 'Other' }))).toBe(state);
  });
});

describe('issuing a token records when the credential and its secret were last used', () => {
  it('sets lastUsedAt on the credential and on the secret that authenticated', () => {
    const issued = tokenIssued('jti-1', 10, { secretId: 'secret-2' });
    const state = existing([...existingCredential(), secretGenerated('secret-2'), issued]);
    const usedAt = epoch(issued.data.issuedAt);
    expect(state.lastUsedAt).toBe(usedAt);
    expect(state.secrets.map((secret) => secret.lastUsedAt)).toEqual([null, usedAt]);
  });
});

describe('state stays small on busy streams', () => {
  it('drops tokens that had expired when a later token was issued', () => {
    const state = existing([
      ...existingCredential(),
      tokenIssued('jti-old', 120),
      tokenIssued('jti-exact', 70),
      tokenIssued('jti-live', 30),
      tokenIssued('jti-new', 10),
    ]);
    // jti-exact expired 10 minutes ago, the very moment jti-new was issued.
    expect(state.tokens.map((token) => token.jti)).toEqual(['jti-live', 'jti-new']);
  });

  it('keeps a revoked token until it expires, among the most recently revoked', () => {
    const state = existing([
      ...existingCredential(),
      tokenIssued('jti-1', 20),
      tokenRevoked('jti-1'),
      tokenIssued('jti-2', 10),
    ]);
    expect(state.tokens.map((token) => token.jti)).toEqual(['jti-1', 'jti-2']);
  });

  it('keeps only the ten most recently revoked tokens, however fast a client issues and revokes', () => {
    const loop: CredentialEvent[] = [];
    for (let second = 0; second < 600; second++) {
      const at = new Date(NOW.getTime() - (600 - second) * 1000).toISOString();
      loop.push(tokenIssued(`jti-${second}`, 0, { issuedAt: at }), tokenRevoked(`jti-${second}`, at));
    }
    const state = existing([...existingCredential(), ...loop]);
    expect(state.tokens).toHaveLength(KEPT_REVOKED_TOKENS);
    expect(state.tokens.map((token) => token.jti)).toEqual(
      Array.from({ length: KEPT_REVOKED_TOKENS }, (_, index) => `jti-${590 + index}`),
    );
  });

  it('stays bounded over a year of tokens every five minutes', () => {
    let state = fold(existingCredential());
    for (let minutes = 365 * 24 * 60; minutes > 0; minutes -= 5)
      state = evolve(state, tokenIssued(`jti-${minutes}`, minutes));
    expect(state.status !== 'absent' && state.tokens.length).toBe(12);
  });
});

describe('a refused token request changes nothing', () => {
  it('returns the very same state', () => {
    const state = fold(existingCredential());
    const refused: TokenRequestRefused = {
      type: 'TokenRequestRefused',
      schemaVersion: 1,
      data: {
        clientId: CLIENT_ID,
        reason: 'IP_NOT_ALLOWED',
        sourceIp: '192.0.2.1',
        requestedScope: null,
        secretId: 'secret-1',
        refusedAt: NOW.toISOString(),
      },
    };
    expect(evolve(state, refused)).toBe(state);
  });

  it('nor does a record counting many refused requests', () => {
    const state = fold(existingCredential());
    const counted: TokenRequestRefusalsCounted = {
      type: 'TokenRequestRefusalsCounted',
      schemaVersion: 1,
      data: {
        clientId: CLIENT_ID,
        sourceIp: '192.0.2.1',
        count: 2995,
        reasons: { INVALID_CLIENT_SECRET: 95, TOO_MANY_FAILED_REQUESTS: 2900 },
        firstRefusedAt: NOW.toISOString(),
        lastRefusedAt: NOW.toISOString(),
      },
    };
    expect(evolve(state, counted)).toBe(state);
  });
});
