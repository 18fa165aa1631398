/**
 * Appends varied credential histories to a real event store, for specs of
 * the read side: creations, secrets generated and deleted, accounts and
 * roles changed, tokens issued (some expired, some revoked), refusals, and
 * a revoked credential, each with the metadata a real command records.
 */
import { randomUUID } from 'node:crypto';
import { type CredentialEvent, credentialStreamName } from '@keyring/domain';
import { ANY, type EventStore } from '@keyring/event-store';
import { UNLIMITED_REACH } from '@keyring/domain';
import type { CommandContext } from '../../platform/context/command-context';
import { toNewEvent } from '../../credential-store/event-envelope';

export const HISTORY_START = new Date('2026-01-01T00:00:00.000Z');
const MINUTE = 60_000;

const contextFor = (actorId: string): CommandContext => ({
  actor: { type: 'client', id: actorId, onBehalfOf: 'auditor@example.com' },
  requestId: randomUUID(),
  sourceIp: '203.0.113.9',
  correlationId: randomUUID(),
  reach: UNLIMITED_REACH,
});

const iso = (minutes: number): string => new Date(HISTORY_START.getTime() + minutes * MINUTE).toISOString();
const v1 = { schemaVersion: 1 } as const;

/** The events of credential number `index`, starting `offset` minutes after HISTORY_START. */
export function historyOf(clientId: string, index: number, offset: number): CredentialEvent[] {
  const account = `acct-${index % 3}`;
  const events: CredentialEvent[] = [
    {
      type: 'CredentialCreated',
      ...v1,
      data: {
        clientId,
        name: `Exporter ${index}`,
        description: '',
        environment: index % 2 === 0 ? 'production' : 'staging',
        accounts: [account],
        roles: ['billing:read'],
        apis: ['messaging'],
        allowedIps: [],
        secretLifetimeDays: 90,
        createdAt: iso(offset),
      },
    },
    {
      type: 'SecretGenerated',
      ...v1,
      data: {
        clientId,
        secretId: `${clientId}-s1`,
        secretHash: 'a'.repeat(64),
        hint: 'kr_sec_…AAAA',
        createdAt: iso(offset),
        expiresAt: iso(offset + 90 * 24 * 60),
      },
    },
  ];
  for (let token = 0; token < 4; token++) {
    const issuedAt = offset + 1 + token * 45;
    events.push({
      type: 'TokenIssued',
      ...v1,
      data: {
        clientId,
        jti: `${clientId}-t${token}`,
        secretId: `${clientId}-s1`,
        issuedAt: iso(issuedAt),
        expiresAt: iso(issuedAt + 60),
        scope: ['messaging'],
        sourceIp: '203.0.113.9',
      },
    });
  }
  events.push(
    {
      type: 'TokenRevoked',
      ...v1,
      data: { clientId, jti: `${clientId}-t3`, revokedAt: iso(offset + 200), reason: 'requested' },
    },
    {
      type: 'SecretGenerated',
      ...v1,
      data: {
        clientId,
        secretId: `${clientId}-s2`,
        secretHash: 'b'.repeat(64),
        hint: 'kr_sec_…BBBB',
        createdAt: iso(offset + 201),
        expiresAt: iso(offset + 201 + 30 * 24 * 60),
      },
    },
    {
      type: 'SecretDeleted',
      ...v1,
      data: { clientId, secretId: `${clientId}-s1`, deletedAt: iso(offset + 202) },
    },
    {
      type: 'TokenRequestRefused',
      ...v1,
      data: {
        clientId,
        reason: 'IP_NOT_ALLOWED',
        sourceIp: '198.51.100.1',
        requestedScope: null,
        secretId: null,
        refusedAt: iso(offset + 203),
      },
    },
    {
      type: 'CredentialUpdated',
      ...v1,
      data: {
        clientId,
        changes: index % 2 === 0 ? { accounts: [account, 'acct-shared'] } : { roles: ['billing:write'] },
        updatedAt: iso(offset + 204),
      },
    },
  );
  if (index % 4 === 3) {
    events.push({
      type: 'CredentialRevoked',
      ...v1,
      data: { clientId, revokedAt: iso(offset + 205), reason: 'leaked' },
    });
  }
  return events;
}

/** Appends the histories of `count` credentials, interleaved in the global order; returns their ids. */
export async function appendHistories(store: EventStore, count: number): Promise<string[]> {
  const clientIds = Array.from({ length: count }, () => randomUUID());
  const histories = clientIds.map((clientId, index) => historyOf(clientId, index, index * 7));
  const longest = Math.max(...histories.map((history) => history.length));
  for (let step = 0; step < longest; step++) {
    for (const [index, history] of histories.entries()) {
      const event = history[step];
      if (!event) continue;
      const at = new Date(HISTORY_START.getTime() + (index * 7 + step) * MINUTE);
      await store.append(
        credentialStreamName(clientIds[index]),
        [toNewEvent(event, contextFor(`admin-${index % 2}`), randomUUID(), at)],
        ANY,
      );
    }
  }
  return clientIds;
}
