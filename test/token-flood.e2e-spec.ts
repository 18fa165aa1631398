/**
 * Attacks on the token endpoint by someone who knows a client id (it is in
 * every token) or holds a credential, against the running service: a flood
 * of wrong secrets, timing to tell known ids from unknown ones, credential
 * spraying, and an issue/revoke loop. Each must fail: the stream stays
 * small, the owner keeps getting tokens, the timing tells nothing, the
 * sprayer and the loop are told to wait, and the audit trail still counts
 * every refused request.
 */
import { Worker } from 'node:worker_threads';
import { credentialStreamName } from '@keyring/domain';
import type { AuditEntry } from '../apps/keyring/src/projection/audit-log/audit-entry';
import { auditEntries, waitForIntactAudit } from './support/audit-activity';
import { eventually } from './support/eventually';
import {
  type AdminClient,
  adminClient,
  basicAuthorization,
  type ClientCredentials,
  createClient,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

jest.setTimeout(120_000);

const WINDOW_SECONDS = 2;
const RECORD_LIMIT = 5;
const FAILED_REQUEST_LIMIT = 100;
const TOKEN_ISSUE_LIMIT = 40;
const ATTACKER = '198.51.100.7';
const OWNER = '203.0.113.5';

/**
 * The attacker, in a thread of its own so that its client work does not
 * share the event loop that serves the owner (as an attacker elsewhere would
 * not): `total` wrong-secret requests over `connections` connections.
 */
function floodFromWorker(flood: {
  url: string;
  authorization: string;
  from: string;
  total: number;
  connections: number;
}): Promise<Record<number, number>> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { url, authorization, from, total, connections } = workerData;
    const statuses = {};
    let sent = 0;
    const headers = {
      authorization,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': from,
    };
    Promise.all(Array.from({ length: connections }, async () => {
      while (sent < total) {
        sent++;
        const response = await fetch(url, { method: 'POST', headers, body: 'grant_type=client_credentials' });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] || 0) + 1;
      }
    })).then(() => parentPort.postMessage(statuses), (error) => { throw error; });
  `;
  const worker = new Worker(code, { eval: true, workerData: flood });
  return new Promise((resolve, reject) => {
    worker.once('message', (statuses: Record<number, number>) => {
      void worker.terminate();
      resolve(statuses);
    });
    worker.once('error', reject);
  });
}

const median = (values: readonly number[]): number => percentile(values, 50);
function percentile(values: readonly number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)];
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the token endpoint under attack', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;

  beforeAll(async () => {
    keyring = await startKeyring({
      TRUST_PROXY: 'loopback',
      REFUSAL_RECORD_LIMIT: String(RECORD_LIMIT),
      REFUSAL_WINDOW_SECONDS: String(WINDOW_SECONDS),
      FAILED_REQUEST_LIMIT: String(FAILED_REQUEST_LIMIT),
      TOKEN_ISSUE_LIMIT: String(TOKEN_ISSUE_LIMIT),
      LOG_LEVEL: 'error',
    });
    admin = await adminClient(keyring);
  });
  afterAll(() => keyring.destroy());

  const tokenRequest = (client: ClientCredentials, from: string): Promise<Response> =>
    fetch(`${keyring.baseUrl}/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(client),
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': from,
      },
      body: 'grant_type=client_credentials',
    });

  /** The answer's status and how long it took, body read. */
  async function timed(client: ClientCredentials, from: string): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const response = await tokenRequest(client, from);
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  }

  async function revoke(client: ClientCredentials, token: string, from: string): Promise<void> {
    const response = await fetch(`${keyring.baseUrl}/oauth2/revoke`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(client),
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': from,
      },
      body: new URLSearchParams({ token }).toString(),
    });
    if (response.status !== 200) throw new Error(`Revocation answered ${response.status}`);
  }

  /** One owner cycle: a token (timed), then its revocation, so the ten-token limit never interferes. */
  async function ownerCycle(owner: ClientCredentials): Promise<number> {
    const started = performance.now();
    const response = await tokenRequest(owner, OWNER);
    const body = (await response.json()) as { access_token?: string };
    const ms = performance.now() - started;
    if (response.status !== 200 || !body.access_token) {
      throw new Error(`The owner was refused: ${response.status} ${JSON.stringify(body)}`);
    }
    await revoke(owner, body.access_token, OWNER);
    return ms;
  }

  const refusalRecords = async (clientId: string) =>
    (await keyring.store.readStream(credentialStreamName(clientId))).filter(
      (event) => event.type === 'TokenRequestRefused' || event.type === 'TokenRequestRefusalsCounted',
    );

  /** How many refused requests a credential's token.refused audit entries stand for. */
  const refusedInAudit = (entries: readonly AuditEntry[]): number =>
    entries.reduce((sum, entry) => sum + ((entry.details.count as number | undefined) ?? 1), 0);

  it('answers a known and an unknown client id in the same time, without waiting for the record', async () => {
    const client = await createClient(keyring, admin.authorization);
    const known = { ...client, clientSecret: `${client.clientSecret}x` };
    const unknown = { clientId: '00000000-0000-4000-8000-000000000000', clientSecret: known.clientSecret };
    // Warm both paths, then alternate, each from an address of its own so that every known-id refusal
    // is recorded one by one (no throttle window reaches its limit).
    for (let index = 0; index < 20; index++) {
      await timed(known, `10.9.0.${index}`);
      await timed(unknown, `10.9.1.${index}`);
    }
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let index = 0; index < 200; index++) {
      const from = (kind: number) => `10.${10 + kind}.${Math.floor(index / 250)}.${index % 250}`;
      const [first, second] =
        index % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
      for (const kind of [first, second]) {
        const { status, ms } = await timed(
          kind === 'known' ? known : unknown,
          from(kind === 'known' ? 0 : 1),
        );
        expect(status).toBe(401);
        times[kind].push(ms);
      }
    }
    const ratio = median(times.known) / median(times.unknown);
    console.log(
      `known client id: median ${median(times.known).toFixed(2)} ms; ` +
        `unknown: median ${median(times.unknown).toFixed(2)} ms; ratio ${ratio.toFixed(2)} (200 requests each)`,
    );
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // Every known-id refusal is still recorded, right after its answer.
    await eventually(async () => expect(await refusalRecords(client.clientId)).toHaveLength(220));
  });

  it('answers credential spraying from one address with 429 and Retry-After, and nobody else', async () => {
    const sprayer = '198.51.100.99';
    const owner = await createClient(keyring, admin.authorization);
    for (let index = 0; index < FAILED_REQUEST_LIMIT; index++) {
      const guess = { clientId: crypto.randomUUID(), clientSecret: `kr_sec_guess${index}` };
      expect((await tokenRequest(guess, sprayer)).status).toBe(401);
    }
    const throttled = await tokenRequest(owner, sprayer);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(await throttled.json()).toMatchObject({ error: 'too_many_failed_requests' });
    // Introspection and revocation test guesses too; they share the limit.
    const introspection = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(owner),
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': sprayer,
      },
      body: 'token=x',
    });
    expect(introspection.status).toBe(429);
    // No lockout: the credential's owner, from elsewhere, is served as ever.
    expect((await tokenRequest(owner, OWNER)).status).toBe(200);
    // And the sprayer may try again once the window has passed.
    await sleep(retryAfter * 1000 + 100);
    expect((await tokenRequest(owner, sprayer)).status).toBe(200);
  });

  it('keeps a flood of 3,000 wrong secrets to a few events, while the owner keeps getting tokens', async () => {
    const owner = await createClient(keyring, admin.authorization);
    const attacker = { ...owner, clientSecret: `${owner.clientSecret}x` };
    const baseline: number[] = [];
    for (let cycle = 0; cycle < 15; cycle++) baseline.push(await ownerCycle(owner));
    const before = (await keyring.store.readStream(credentialStreamName(owner.clientId))).length;

    const FLOOD = 3000;
    const started = performance.now();
    let flooding = true;
    const attack = floodFromWorker({
      url: `${keyring.baseUrl}/oauth2/token`,
      authorization: basicAuthorization(attacker),
      from: ATTACKER,
      total: FLOOD,
      connections: 16,
    }).finally(() => {
      flooding = false;
    });
    const duringFlood: number[] = [];
    // The owner's cycles stay within its issue budget: the baseline's and these share one window at most.
    while (flooding && duringFlood.length < TOKEN_ISSUE_LIMIT - baseline.length - 5) {
      duringFlood.push(await ownerCycle(owner));
    }
    const statuses = await attack;
    const floodSeconds = (performance.now() - started) / 1000;
    expect(statuses[401] + statuses[429]).toBe(FLOOD);

    // Every window the flood opened has ended and been written; the projector has caught up.
    await sleep(WINDOW_SECONDS * 1000 + 1500);
    const verification = await waitForIntactAudit(keyring, admin);
    expect(verification.ok).toBe(true);
    const appended = (await keyring.store.readStream(credentialStreamName(owner.clientId))).slice(before);
    const refusalEvents = appended.filter(
      (event) => event.type !== 'TokenIssued' && event.type !== 'TokenRevoked',
    );
    const windows = Math.ceil(floodSeconds / WINDOW_SECONDS) + 1;
    console.log(
      `3,000 wrong secrets from one address in ${floodSeconds.toFixed(1)} s ` +
        `(${statuses[401]} × 401, ${statuses[429]} × 429) appended ${refusalEvents.length} events ` +
        `(at most ${RECORD_LIMIT + 1} per ${WINDOW_SECONDS} s window); ` +
        `owner p99 ${percentile(duringFlood, 99).toFixed(1)} ms over ${duringFlood.length} tokens during the flood ` +
        `(median ${median(duringFlood).toFixed(1)} ms; before it p99 ${percentile(baseline, 99).toFixed(1)} ms)`,
    );
    expect(refusalEvents.length).toBeLessThanOrEqual((RECORD_LIMIT + 1) * windows);
    expect(duringFlood.length).toBeGreaterThanOrEqual(3);
    expect(percentile(duringFlood, 99)).toBeLessThan(Math.max(1000, 10 * percentile(baseline, 99)));

    // The audit trail still accounts for every one of the 3,000 refused requests.
    const refusals = await auditEntries(keyring, admin, {
      clientId: owner.clientId,
      action: 'token.refused',
    });
    expect(refusals.every((entry) => entry.outcome === 'denied')).toBe(true);
    expect(refusedInAudit(refusals)).toBe(FLOOD);
    const counted = refusals.filter((entry) => entry.details.count !== undefined);
    expect(counted.length).toBeGreaterThan(0);
    expect(counted[0]).toMatchObject({ sourceIp: ATTACKER, actor: { type: 'client', id: owner.clientId } });
  });

  it('keeps a refusal record to a bounded part of the scope sent', async () => {
    const client = await createClient(keyring, admin.authorization);
    const scope = Array.from({ length: 100 }, (_, index) => `${index}`.padEnd(128, 's')).join(' ');
    const response = await fetch(`${keyring.baseUrl}/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization({ ...client, clientSecret: `${client.clientSecret}x` }),
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': '192.0.2.77',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
    });
    expect(response.status).toBe(401);
    const [record] = await eventually(async () => {
      const records = await refusalRecords(client.clientId);
      expect(records).toHaveLength(1);
      return records;
    });
    expect((record.data as { requestedScope: string[] }).requestedScope.join(' ')).toBe(scope.slice(0, 256));
    expect(record.data).toMatchObject({ requestedScopeLength: scope.length });
    expect(JSON.stringify(record.data).length).toBeLessThan(600);
  });

  it('answers an issue/revoke loop with 429 and Retry-After once the credential issued its limit', async () => {
    const client = await createClient(keyring, admin.authorization);
    const from = '192.0.2.88';
    let answered: Response | undefined;
    for (let cycle = 0; cycle <= TOKEN_ISSUE_LIMIT; cycle++) {
      answered = await tokenRequest(client, from);
      if (answered.status !== 200) break;
      await revoke(client, ((await answered.json()) as { access_token: string }).access_token, from);
    }
    expect(answered!.status).toBe(429);
    expect(Number(answered!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await answered!.json()).toMatchObject({ error: 'token_issue_rate_exceeded' });
    const events = await keyring.store.readStream(credentialStreamName(client.clientId));
    expect(events.filter((event) => event.type === 'TokenIssued')).toHaveLength(TOKEN_ISSUE_LIMIT);
  });
});

describe('refusals counted in a window that has not ended', () => {
  it('are written at graceful shutdown', async () => {
    const env = { TRUST_PROXY: 'loopback', REFUSAL_RECORD_LIMIT: '2', REFUSAL_WINDOW_SECONDS: '3600' };
    const keyring = await startKeyring(env);
    const admin = await adminClient(keyring);
    const client = await createClient(keyring, admin.authorization);
    const wrong = { ...client, clientSecret: `${client.clientSecret}x` };
    for (let index = 0; index < 12; index++) {
      const response = await fetch(`${keyring.baseUrl}/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(wrong),
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': ATTACKER,
        },
        body: 'grant_type=client_credentials',
      });
      expect(response.status).toBe(401);
    }
    await keyring.stop();

    const restarted = await startKeyring(env, keyring.dataDir);
    try {
      const records = (await restarted.store.readStream(credentialStreamName(client.clientId))).filter(
        (event) => event.type === 'TokenRequestRefused' || event.type === 'TokenRequestRefusalsCounted',
      );
      expect(records.map((event) => event.type)).toEqual([
        'TokenRequestRefused',
        'TokenRequestRefused',
        'TokenRequestRefusalsCounted',
      ]);
      expect(records[2].data).toMatchObject({
        count: 10,
        reasons: { INVALID_CLIENT_SECRET: 10 },
        sourceIp: ATTACKER,
      });
    } finally {
      await restarted.destroy();
    }
  });
});
