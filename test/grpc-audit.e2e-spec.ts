/**
 * credentials.v1.AuditService against the running application with a
 * grpc-js client: Query, Verify and AccessAt answer exactly what
 * GET /v1/audit, GET /v1/audit/verify and GET /v1/access answer, with the
 * same filters, pages, account scoping and refusals; StreamAudit replays
 * the whole hash chain in global order, stays open for new entries, and
 * resumes after a position with nothing missed or repeated.
 */
import { createHash } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import canonicalize from 'canonicalize';
import type { AuditEntry } from '../apps/keyring/src/projection/audit-log/audit-entry';
import { auditEntries, waitForIntactAudit } from './support/audit-activity';
import { eventually } from './support/eventually';
import { grpcClient, type GrpcKeyringClient, readUntil, refusalOf } from './support/grpc-clients';
import {
  type AdminClient,
  type ClientCredentials,
  accessTokenFor,
  adminClient,
  createClient,
  requestToken,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const ACCOUNT_A = '8800001';
const ACCOUNT_B = '8800002';
const GENESIS_HASH = '0'.repeat(64);

interface GrpcAuditEntry {
  position: number;
  occurredAt: string;
  action: string;
  clientId: string;
  accounts: string[];
  actor: { type: string; id: string };
  onBehalfOf: string;
  sourceIp: string;
  requestId: string;
  outcome: string;
  detailsJson: string;
  prevHash: string;
  hash: string;
}

interface RestPage {
  items: AuditEntry[];
  nextCursor: string | null;
}
interface GrpcPage {
  items: GrpcAuditEntry[];
  nextCursor: string;
}

interface RestAccess {
  account: string;
  at: string;
  credentials: { clientId: string; environment: string; secrets: unknown[] }[];
}

/** A REST entry as the contract spells it: nulls become empty strings, `details` its canonical JSON. */
const asGrpcEntry = (entry: AuditEntry): GrpcAuditEntry => ({
  position: entry.position,
  occurredAt: entry.occurredAt,
  action: entry.action,
  clientId: entry.clientId,
  accounts: [...entry.accounts],
  actor: { type: entry.actor.type, id: entry.actor.id ?? '' },
  onBehalfOf: entry.onBehalfOf ?? '',
  sourceIp: entry.sourceIp ?? '',
  requestId: entry.requestId ?? '',
  outcome: entry.outcome,
  detailsJson: canonicalize(entry.details) ?? '',
  prevHash: entry.prevHash,
  hash: entry.hash,
});

/** SHA-256 of the canonical JSON of every field but the hash, as the audit chain defines it. */
const hashOfMessage = ({ hash: _hash, detailsJson, ...entry }: GrpcAuditEntry): string =>
  createHash('sha256')
    .update(
      canonicalize({
        ...entry,
        actor: { type: entry.actor.type, id: entry.actor.id || null },
        onBehalfOf: entry.onBehalfOf || null,
        sourceIp: entry.sourceIp || null,
        requestId: entry.requestId || null,
        details: JSON.parse(detailsJson),
      }) ?? '',
    )
    .digest('hex');

/** REST's access answer as the contract spells it: `production` ⇄ `PRODUCTION`. */
const asGrpcAccess = (access: RestAccess) => ({
  ...access,
  credentials: access.credentials.map((credential) => ({
    ...credential,
    environment: credential.environment.toUpperCase(),
  })),
});

describe('gRPC AuditService', () => {
  let keyring: RunningKeyring;
  let root: AdminClient;
  let grpc: GrpcKeyringClient;
  /** Created over gRPC on account A, then updated; obtains a token over REST. */
  let billing: ClientCredentials;
  /** Created over REST on account B; a secret generated and deleted, a token refused, then revoked. */
  let reporting: ClientCredentials;
  /** Created over REST on both accounts: out of an account-A admin's reach. */
  let shared: ClientCredentials;
  /** An administrator of account A only. */
  let scopedAdmin: AdminClient;

  const rest = async <Body>(path: string, authorization = root.authorization): Promise<Body> => {
    const response = await fetch(`${keyring.baseUrl}${path}`, { headers: { authorization } });
    if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as Body;
  };
  const query = (request: Record<string, string | number>, authorization = root.authorization) =>
    grpc.call<GrpcPage>('AuditService', 'Query', request, authorization);
  const restQuery = (filters: Record<string, string | number>, authorization = root.authorization) =>
    rest<RestPage>(
      `/v1/audit?${new URLSearchParams(Object.entries(filters).map(([key, value]): [string, string] => [key, String(value)]))}`,
      authorization,
    );
  /** Asks both interfaces the same question and expects the same page. */
  const expectSamePage = async (
    filters: Record<string, string | number>,
    authorization = root.authorization,
  ): Promise<GrpcPage> => {
    const [viaGrpc, viaRest] = await Promise.all([
      query(filters, authorization),
      restQuery(filters, authorization),
    ]);
    expect(viaGrpc).toEqual({ items: viaRest.items.map(asGrpcEntry), nextCursor: viaRest.nextCursor ?? '' });
    return viaGrpc;
  };
  const restFor = async (path: string, authorization: string, method: string) => {
    const response = await fetch(`${keyring.baseUrl}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status}`);
    return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
  };

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    root = await adminClient(keyring, ['*']);
    grpc = grpcClient(keyring.grpcAddress);

    const created = await grpc.call<{ credential: { clientId: string }; secret: { clientSecret: string } }>(
      'CredentialService',
      'Create',
      {
        credential: {
          name: 'billing-over-grpc',
          environment: 'PRODUCTION',
          accounts: [ACCOUNT_A],
          roles: ['billing:read'],
          apis: ['invoices:read'],
        },
      },
      root.authorization,
      { 'x-on-behalf-of': 'ops@example.com', 'x-request-id': 'grpc-audit-create' },
    );
    billing = { clientId: created.credential.clientId, clientSecret: created.secret.clientSecret };
    await grpc.call(
      'CredentialService',
      'Update',
      { clientId: billing.clientId, description: 'changed over gRPC' },
      root.authorization,
    );
    await accessTokenFor(keyring.baseUrl, billing);

    reporting = await createClient(keyring, root.authorization, {
      name: 'reporting-over-rest',
      accounts: [ACCOUNT_B],
    });
    const secret = await restFor(`/v1/credentials/${reporting.clientId}/secrets`, root.authorization, 'POST');
    await restFor(
      `/v1/credentials/${reporting.clientId}/secrets/${String(secret.secretId)}`,
      root.authorization,
      'DELETE',
    );
    const refused = await requestToken(keyring.baseUrl, { ...reporting, clientSecret: 'kr_sec_wrong' });
    expect(refused.status).toBe(401);
    await grpc.call('CredentialService', 'Revoke', { clientId: reporting.clientId }, root.authorization);

    shared = await createClient(keyring, root.authorization, {
      name: 'on-both-accounts',
      accounts: [ACCOUNT_A, ACCOUNT_B],
    });
    const scoped = await createClient(keyring, root.authorization, {
      name: 'account-a-admin',
      roles: ['keyring:admin'],
      accounts: [ACCOUNT_A],
      allowedIps: [],
    });
    const scopedToken = await accessTokenFor(keyring.baseUrl, scoped);
    scopedAdmin = { ...scoped, accessToken: scopedToken, authorization: `Bearer ${scopedToken}` };

    // Token grants do not wait for the read models: wait until every event has its entry.
    await waitForIntactAudit(keyring, root);
  });
  afterAll(async () => {
    grpc.close();
    await keyring.destroy();
  });

  describe('Query', () => {
    it('lists the same entries as GET /v1/audit, details as their RFC 8785 canonical JSON', async () => {
      const page = await expectSamePage({ limit: 200 });
      const viaRest = await restQuery({ limit: 200 });
      expect(page.items.length).toBeGreaterThan(10);
      expect(new Set(page.items.map((item) => item.action))).toEqual(
        new Set([
          'credential.created',
          'credential.updated',
          'secret.generated',
          'secret.deleted',
          'token.issued',
          'token.refused',
          'credential.revoked',
        ]),
      );
      page.items.forEach((item, index) => {
        expect(JSON.parse(item.detailsJson)).toEqual(viaRest.items[index].details);
        expect(item.detailsJson).toBe(canonicalize(viaRest.items[index].details));
      });

      // The gRPC create's metadata is recorded; what REST says is null reads as '' (a refused grant's actor).
      const createdOverGrpc = page.items.find(
        (item) => item.clientId === billing.clientId && item.action === 'credential.created',
      );
      expect(createdOverGrpc).toMatchObject({
        actor: { type: 'client', id: root.clientId },
        onBehalfOf: 'ops@example.com',
        requestId: 'grpc-audit-create',
        outcome: 'success',
      });
      const refused = page.items.find((item) => item.action === 'token.refused');
      expect(refused).toMatchObject({ clientId: reporting.clientId, outcome: 'denied', onBehalfOf: '' });
      expect(viaRest.items.find((item) => item.action === 'token.refused')?.onBehalfOf).toBeNull();
    });

    it('filters by client id (in any letter case), action and account as REST does', async () => {
      const byClient = await expectSamePage({ clientId: billing.clientId });
      expect(byClient.items.map((item) => item.action)).toEqual([
        'token.issued',
        'credential.updated',
        'secret.generated',
        'credential.created',
      ]);
      expect(await query({ clientId: billing.clientId.toUpperCase() })).toEqual(byClient);

      const created = await expectSamePage({ action: 'credential.created' });
      expect(created.items.every((item) => item.action === 'credential.created')).toBe(true);
      expect(created.items.map((item) => item.clientId)).toEqual(
        expect.arrayContaining([billing.clientId, reporting.clientId, shared.clientId, scopedAdmin.clientId]),
      );

      const onB = await expectSamePage({ account: ACCOUNT_B });
      expect(onB.items.length).toBeGreaterThan(0);
      expect(onB.items.every((item) => item.accounts.includes(ACCOUNT_B))).toBe(true);
      expect(new Set(onB.items.map((item) => item.clientId))).toEqual(
        new Set([reporting.clientId, shared.clientId]),
      );

      const combined = await expectSamePage({ account: ACCOUNT_B, action: 'credential.revoked' });
      expect(combined.items.map((item) => item.clientId)).toEqual([reporting.clientId]);

      const byActor = await expectSamePage({ actor: root.clientId, action: 'secret.deleted' });
      expect(byActor.items.map((item) => item.clientId)).toEqual([reporting.clientId]);
    });

    it('pages newest first with limit and cursor, page for page as REST, without gaps or repeats', async () => {
      const everything = (await restQuery({ limit: 200 })).items.map((item) => item.position);
      const seen: number[] = [];
      let cursor = '';
      let pages = 0;
      do {
        const page = await expectSamePage({ limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((item) => item.position));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== '');
      expect(pages).toBe(Math.ceil(everything.length / 3));
      expect(seen).toEqual(everything);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
    });

    it('keeps entries from `from` (inclusive) up to `to` (exclusive), as REST does', async () => {
      const all = await auditEntries(keyring, root);
      const from = all[2].occurredAt;
      const to = all[all.length - 3].occurredAt;
      const expected = all.filter((entry) => entry.occurredAt >= from && entry.occurredAt < to);
      expect(expected.length).toBeGreaterThan(0);

      const page = await expectSamePage({ from, to, limit: 200 });
      expect(page.items).toEqual(expected.reverse().map(asGrpcEntry));
      expect((await expectSamePage({ to: all[0].occurredAt })).items).toEqual([]);
    });
  });

  describe('Query refusals', () => {
    it('INVALID_ARGUMENT for a `from` that is not ISO-8601, naming the field', async () => {
      const refusal = await refusalOf(query({ from: 'yesterday' }));
      expect(refusal.code).toBe(status.INVALID_ARGUMENT);
      expect(refusal.details?.reason).toBe('VALIDATION_FAILED');
      expect(refusal.details?.violations?.map((violation) => violation.field)).toEqual(['from']);
    });

    it('INVALID_ARGUMENT for an unknown action', async () => {
      const refusal = await refusalOf(query({ action: 'credential.exploded' }));
      expect(refusal.code).toBe(status.INVALID_ARGUMENT);
      expect(refusal.details?.violations?.map((violation) => violation.field)).toEqual(['action']);
    });

    it('UNAUTHENTICATED without a token and PERMISSION_DENIED for a credential without the admin role', async () => {
      const none = await refusalOf(grpc.call('AuditService', 'Query', {}));
      expect(none.code).toBe(status.UNAUTHENTICATED);
      expect(none.details?.reason).toBe('AUTHENTICATION_REQUIRED');

      const token = await accessTokenFor(keyring.baseUrl, billing);
      const plain = await refusalOf(query({}, `Bearer ${token}`));
      expect(plain.code).toBe(status.PERMISSION_DENIED);
      expect(plain.details?.reason).toBe('ROLE_REQUIRED');

      // The stream asks the same of its caller.
      const anonymous = grpc.stream('AuditService', 'StreamAudit', { afterPosition: 0 });
      await expect(readUntil(anonymous, () => false)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
      const unprivileged = grpc.stream(
        'AuditService',
        'StreamAudit',
        { afterPosition: 0 },
        `Bearer ${token}`,
      );
      await expect(readUntil(unprivileged, () => false)).rejects.toMatchObject({
        code: status.PERMISSION_DENIED,
      });
    });
  });

  describe('Verify', () => {
    it('answers what GET /v1/audit/verify answers, with no first bad entry while the chain is intact', async () => {
      const viaRest = await rest<{
        ok: boolean;
        checked: number;
        head: { position: number; hash: string };
        firstBad?: unknown;
      }>('/v1/audit/verify');
      const viaGrpc = await grpc.call('AuditService', 'Verify', {}, root.authorization);
      expect(viaRest.ok).toBe(true);
      expect(viaRest.firstBad).toBeUndefined();
      expect(viaGrpc).toEqual({ ok: true, checked: viaRest.checked, head: viaRest.head, firstBad: null });

      const all = await auditEntries(keyring, root);
      expect(viaRest.checked).toBe(all.length);
      expect(viaRest.head).toEqual({
        position: all[all.length - 1].position,
        hash: all[all.length - 1].hash,
      });
    });
  });

  describe('StreamAudit', () => {
    it('replays every entry in global order along the hash chain, then delivers new entries live', async () => {
      const all = await auditEntries(keyring, root);
      const stream = grpc.stream('AuditService', 'StreamAudit', { afterPosition: 0 }, root.authorization);
      try {
        const replayed = await readUntil<GrpcAuditEntry>(stream, (received) => received.length >= all.length);
        expect(replayed).toEqual(all.map(asGrpcEntry));
        expect(replayed[0].prevHash).toBe(GENESIS_HASH);
        replayed.slice(1).forEach((entry, index) => {
          expect(entry.position).toBeGreaterThan(replayed[index].position);
          expect(entry.prevHash).toBe(replayed[index].hash);
        });
        // The message alone lets a client re-check each hash: details_json is the form the hash covers.
        for (const entry of replayed) expect(hashOfMessage(entry)).toBe(entry.hash);

        // Listen before acting, so no live entry can slip by unread.
        const live: GrpcAuditEntry[] = [];
        stream.on('data', (entry: GrpcAuditEntry) => live.push(entry));
        const arrived = await createClient(keyring, root.authorization, {
          name: 'after-the-replay',
          accounts: [ACCOUNT_B],
        });
        // Creating a credential records it and its first secret: two entries, oldest first.
        const viaRest = (await restQuery({ clientId: arrived.clientId })).items.reverse();
        expect(viaRest.map((entry) => entry.action)).toEqual(['credential.created', 'secret.generated']);
        await eventually(async () => expect(live).toHaveLength(viaRest.length));
        expect(live).toEqual(viaRest.map(asGrpcEntry));
        expect(live[0].prevHash).toBe(replayed[replayed.length - 1].hash);
        expect(live[1].prevHash).toBe(live[0].hash);
      } finally {
        stream.cancel();
      }
    });

    it('resumes after a position with exactly the entries that follow it', async () => {
      const all = await auditEntries(keyring, root);
      const middle = all[Math.floor(all.length / 2)].position;
      const tail = all.filter((entry) => entry.position > middle);
      const last = tail[tail.length - 1].position;
      const stream = grpc.stream(
        'AuditService',
        'StreamAudit',
        { afterPosition: middle },
        root.authorization,
      );
      try {
        const received = await readUntil<GrpcAuditEntry>(stream, (entries) =>
          entries.some((entry) => entry.position >= last),
        );
        expect(received).toEqual(tail.map(asGrpcEntry));
      } finally {
        stream.cancel();
      }
    });
  });

  describe('account scoping', () => {
    it('shows an admin of account A, in Query and StreamAudit, only the entries wholly within A', async () => {
      const all = await auditEntries(keyring, root);
      const withinA = all.filter((entry) => entry.accounts.every((account) => account === ACCOUNT_A));
      const clients = new Set(withinA.map((entry) => entry.clientId));
      expect(clients).toEqual(new Set([billing.clientId, scopedAdmin.clientId]));

      const page = await expectSamePage({ limit: 200 }, scopedAdmin.authorization);
      expect(page.items).toEqual([...withinA].reverse().map(asGrpcEntry));
      expect(page.items.every((item) => item.accounts.every((account) => account === ACCOUNT_A))).toBe(true);
      expect((await expectSamePage({ account: ACCOUNT_B }, scopedAdmin.authorization)).items).toEqual([]);
      expect((await expectSamePage({ clientId: shared.clientId }, scopedAdmin.authorization)).items).toEqual(
        [],
      );

      const last = withinA[withinA.length - 1].position;
      const stream = grpc.stream(
        'AuditService',
        'StreamAudit',
        { afterPosition: 0 },
        scopedAdmin.authorization,
      );
      try {
        const streamed = await readUntil<GrpcAuditEntry>(stream, (entries) =>
          entries.some((entry) => entry.position >= last),
        );
        expect(streamed).toEqual(withinA.map(asGrpcEntry));

        // Live, too: a credential on B passes unseen; the next entries are those of one on A.
        const live: GrpcAuditEntry[] = [];
        stream.on('data', (entry: GrpcAuditEntry) => live.push(entry));
        const elsewhere = await createClient(keyring, root.authorization, { accounts: [ACCOUNT_B] });
        const mine = await createClient(keyring, root.authorization, { accounts: [ACCOUNT_A] });
        const expected = (await restQuery({ clientId: mine.clientId })).items.reverse();
        await eventually(async () => expect(live).toHaveLength(expected.length));
        expect(live).toEqual(expected.map(asGrpcEntry));
        expect((await restQuery({ clientId: elsewhere.clientId })).items.length).toBeGreaterThan(0);
      } finally {
        stream.cancel();
      }
    });
  });

  describe('AccessAt', () => {
    const accessAt = (account: string, at: string, authorization = root.authorization) =>
      grpc.call('AuditService', 'AccessAt', { account, at }, authorization);
    const restAccess = (account: string, at: string, authorization = root.authorization) =>
      rest<RestAccess>(`/v1/access?${new URLSearchParams({ account, at })}`, authorization);

    it('answers what GET /v1/access answers for the same account and instant', async () => {
      const now = new Date().toISOString();
      const viaRest = await restAccess(ACCOUNT_A, now);
      expect(viaRest.credentials.map((credential) => credential.clientId)).toEqual(
        expect.arrayContaining([billing.clientId, shared.clientId, scopedAdmin.clientId]),
      );
      expect(await accessAt(ACCOUNT_A, now)).toEqual(asGrpcAccess(viaRest));

      // Just before account B's credential was revoked it could still obtain tokens; now it cannot.
      const [revocation] = (await restQuery({ clientId: reporting.clientId, action: 'credential.revoked' }))
        .items;
      const before = new Date(Date.parse(revocation.occurredAt) - 1).toISOString();
      const then = await restAccess(ACCOUNT_B, before);
      expect(then.credentials.map((credential) => credential.clientId)).toContain(reporting.clientId);
      expect(await accessAt(ACCOUNT_B, before)).toEqual(asGrpcAccess(then));
      const later = await restAccess(ACCOUNT_B, now);
      expect(later.credentials.map((credential) => credential.clientId)).not.toContain(reporting.clientId);
      expect(await accessAt(ACCOUNT_B, now)).toEqual(asGrpcAccess(later));
    });

    it('shows a scoped admin its own account, and refuses another with PERMISSION_DENIED', async () => {
      const now = new Date().toISOString();
      const own = await restAccess(ACCOUNT_A, now, scopedAdmin.authorization);
      expect(own.credentials.map((credential) => credential.clientId)).not.toContain(shared.clientId);
      expect(await accessAt(ACCOUNT_A, now, scopedAdmin.authorization)).toEqual(asGrpcAccess(own));

      const refusal = await refusalOf(accessAt(ACCOUNT_B, now, scopedAdmin.authorization));
      expect(refusal.code).toBe(status.PERMISSION_DENIED);
      expect(refusal.details?.reason).toBe('ACCOUNT_OUT_OF_REACH');
      expect(refusal.message).toContain(ACCOUNT_B);
    });

    it('INVALID_ARGUMENT for an instant that is not ISO-8601', async () => {
      const refusal = await refusalOf(accessAt(ACCOUNT_A, 'yesterday'));
      expect(refusal.code).toBe(status.INVALID_ARGUMENT);
      expect(refusal.details?.violations?.map((violation) => violation.field)).toEqual(['at']);
    });
  });
});
