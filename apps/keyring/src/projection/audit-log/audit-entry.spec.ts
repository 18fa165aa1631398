import canonicalize from 'canonicalize';
import { accountsAfter, type CredentialEvent } from '@keyring/domain';
import type { RecordedEvent } from '@keyring/event-store';
import {
  AUDIT_ACTION_NAMES,
  chainAuditEntry,
  describeEvent,
  entryCanonicalJson,
  GENESIS_HASH,
  hashAuditEntry,
  type UnchainedAuditEntry,
} from './audit-entry';

const CLIENT_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';

function recorded(event: CredentialEvent, position = 7): RecordedEvent {
  return {
    id: 'event-id',
    type: event.type,
    data: event.data,
    metadata: {
      actor: { type: 'client', id: 'admin-client', onBehalfOf: 'jane@example.com' },
      requestId: 'request-1',
      sourceIp: '203.0.113.9',
      occurredAt: '2026-02-01T10:00:00.000Z',
    },
    stream: `credential-${CLIENT_ID}`,
    revision: 3,
    position,
    recordedAt: '2026-02-01T10:00:00.001Z',
  };
}

const entryFor = (event: CredentialEvent, before: readonly string[] = ['acct-1']): UnchainedAuditEntry =>
  describeEvent(recorded(event), event, CLIENT_ID, before);

const secretGenerated: CredentialEvent = {
  type: 'SecretGenerated',
  schemaVersion: 1,
  data: {
    clientId: CLIENT_ID,
    secretId: 'secret-2',
    secretHash: 'f'.repeat(64),
    hint: 'kr_sec_…WXYZ',
    createdAt: '2026-02-01T10:00:00.000Z',
    expiresAt: '2026-05-01T10:00:00.000Z',
  },
};

describe('an audit entry', () => {
  it('says who did what, for whom, from where, and never carries a secret hash', () => {
    const entry = entryFor(secretGenerated);

    expect(entry).toEqual({
      position: 7,
      occurredAt: '2026-02-01T10:00:00.000Z',
      action: 'secret.generated',
      clientId: CLIENT_ID,
      accounts: ['acct-1'],
      actor: { type: 'client', id: 'admin-client' },
      onBehalfOf: 'jane@example.com',
      sourceIp: '203.0.113.9',
      requestId: 'request-1',
      outcome: 'success',
      details: { secretId: 'secret-2', hint: 'kr_sec_…WXYZ', expiresAt: '2026-05-01T10:00:00.000Z' },
    });
    expect(JSON.stringify(entry)).not.toContain('f'.repeat(64));
  });

  it('records a refused token request as denied, with its reason', () => {
    const entry = entryFor({
      type: 'TokenRequestRefused',
      schemaVersion: 1,
      data: {
        clientId: CLIENT_ID,
        reason: 'IP_NOT_ALLOWED',
        sourceIp: '198.51.100.1',
        requestedScope: ['voice'],
        secretId: 'secret-1',
        refusedAt: '2026-02-01T10:00:00.000Z',
      },
    });

    expect(entry).toMatchObject({
      action: 'token.refused',
      outcome: 'denied',
      details: { reason: 'IP_NOT_ALLOWED', requestedScope: ['voice'], secretId: 'secret-1' },
    });
  });

  it('keeps a cut scope with its length, and reads a record without one as it always did', () => {
    const data = {
      clientId: CLIENT_ID,
      reason: 'INVALID_CLIENT_SECRET',
      sourceIp: '198.51.100.1',
      requestedScope: ['x'.repeat(128), 'y'.repeat(127)],
      secretId: null,
      refusedAt: '2026-02-01T10:00:00.000Z',
    };
    const cut = entryFor({
      type: 'TokenRequestRefused',
      schemaVersion: 1,
      data: { ...data, requestedScopeLength: 12_999 },
    });
    expect(cut.details).toEqual({
      reason: 'INVALID_CLIENT_SECRET',
      requestedScope: data.requestedScope,
      requestedScopeLength: 12_999,
      secretId: null,
    });
    expect(Object.keys(entryFor({ type: 'TokenRequestRefused', schemaVersion: 1, data }).details)).toEqual([
      'reason',
      'requestedScope',
      'secretId',
    ]);
  });

  it('records many refused requests counted together as one denied token.refused entry with their count', () => {
    const entry = entryFor({
      type: 'TokenRequestRefusalsCounted',
      schemaVersion: 1,
      data: {
        clientId: CLIENT_ID,
        sourceIp: '198.51.100.1',
        count: 2995,
        reasons: { INVALID_CLIENT_SECRET: 95, TOO_MANY_FAILED_REQUESTS: 2900 },
        firstRefusedAt: '2026-02-01T10:00:00.000Z',
        lastRefusedAt: '2026-02-01T10:00:59.000Z',
      },
    });

    expect(entry).toMatchObject({
      action: 'token.refused',
      outcome: 'denied',
      details: {
        count: 2995,
        reasons: { INVALID_CLIENT_SECRET: 95, TOO_MANY_FAILED_REQUESTS: 2900 },
        firstRefusedAt: '2026-02-01T10:00:00.000Z',
        lastRefusedAt: '2026-02-01T10:00:59.000Z',
      },
    });
    expect(AUDIT_ACTION_NAMES.filter((action) => action === 'token.refused')).toHaveLength(1);
  });

  it('belongs to both the old and the new accounts when a change moves the credential', () => {
    const moved: CredentialEvent = {
      type: 'CredentialUpdated',
      schemaVersion: 1,
      data: { clientId: CLIENT_ID, changes: { accounts: ['acct-2'] }, updatedAt: '2026-02-01T10:00:00.000Z' },
    };

    expect(entryFor(moved, ['acct-1']).accounts).toEqual(['acct-1', 'acct-2']);
    expect(accountsAfter(moved, ['acct-1'])).toEqual(['acct-2']);
    // As in the domain, a change to a credential that does not exist changes nothing.
    expect(accountsAfter(moved, [])).toEqual([]);
  });
});

describe('the hash chain', () => {
  const entry = entryFor(secretGenerated);

  it('hashes the canonical JSON, so key order does not matter but every value does', () => {
    const chained = chainAuditEntry(entry, GENESIS_HASH);
    const reordered = Object.fromEntries(Object.entries({ ...entry, prevHash: GENESIS_HASH }).reverse());

    expect(chained.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEntry(reordered as unknown as typeof chained)).toBe(chained.hash);
    expect(chainAuditEntry({ ...entry, sourceIp: '203.0.113.10' }, GENESIS_HASH).hash).not.toBe(chained.hash);
  });

  it('hashes an entry it built exactly as the general canonicaliser would', () => {
    const entries = [
      entry,
      {
        ...entry,
        onBehalfOf: null,
        requestId: null,
        sourceIp: null,
        actor: { type: 'cli' as const, id: null },
      },
    ];
    for (const unchained of entries) {
      const chained = chainAuditEntry(unchained, GENESIS_HASH);
      expect(chained.hash).toBe(hashAuditEntry(chained));
      const { hash: _hash, ...hashed } = chained;
      expect(entryCanonicalJson(chained)).toBe(canonicalize(hashed));
    }
  });

  it('covers the previous hash, so an entry cannot be moved to another place in the chain', () => {
    expect(chainAuditEntry(entry, GENESIS_HASH).hash).not.toBe(chainAuditEntry(entry, 'a'.repeat(64)).hash);
  });
});

describe('entries of events stored before a schema change keep their first details', () => {
  const revoked = (reason: 'requested' | 'credential-narrowed'): CredentialEvent => ({
    type: 'TokenRevoked',
    schemaVersion: 2,
    data: { clientId: CLIENT_ID, jti: 'jti-1', revokedAt: '2026-02-01T10:00:00.000Z', reason },
  });
  const storedAt = (schemaVersion: number, event: CredentialEvent): RecordedEvent => {
    const stored = recorded(event);
    return { ...stored, metadata: { ...(stored.metadata as object), schemaVersion } };
  };

  it('a revocation stored at version 1 (upcast with reason "requested") reads as it was hashed then', () => {
    const event = revoked('requested');
    expect(describeEvent(storedAt(1, event), event, CLIENT_ID, ['acct-1']).details).toEqual({ jti: 'jti-1' });
  });

  it('a revocation stored at version 2 names its reason', () => {
    const event = revoked('credential-narrowed');
    expect(describeEvent(storedAt(2, event), event, CLIENT_ID, ['acct-1']).details).toEqual({
      jti: 'jti-1',
      reason: 'credential-narrowed',
    });
  });
});
