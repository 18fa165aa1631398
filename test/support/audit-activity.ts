/**
 * A small but varied audit log made through the REST API: credentials on
 * two accounts, a secret generated and deleted, tokens issued and one
 * refused. Shared by the audit CLI tests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AuditEntry } from '../../apps/keyring/src/projection/audit-log/audit-entry';
import type { AuditVerification } from '../../apps/keyring/src/audit/verify-audit-chain';
import {
  type AdminClient,
  type ClientCredentials,
  accessTokenFor,
  createClient,
  requestToken,
} from './oauth-clients';
import type { RunningKeyring } from './running-keyring';

export interface AuditActivity {
  readonly billing: ClientCredentials;
  readonly reporting: ClientCredentials;
}

export const BILLING_ACCOUNT = '9900001';
export const REPORTING_ACCOUNT = '9900002';

export async function getJson<Body>(keyring: RunningKeyring, admin: AdminClient, url: string): Promise<Body> {
  const response = await fetch(`${keyring.baseUrl}${url}`, {
    headers: { authorization: admin.authorization },
  });
  if (!response.ok) throw new Error(`GET ${url} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Body;
}

export async function makeAuditActivity(keyring: RunningKeyring, admin: AdminClient): Promise<AuditActivity> {
  // A comma and quotes in the name, a formula-like request id: the CSV export must carry both safely.
  const billing = await createClient(keyring, admin.authorization, {
    name: 'billing, "east"',
    accounts: [BILLING_ACCOUNT],
  });
  const reporting = await createClient(keyring, admin.authorization, {
    name: 'reporting',
    accounts: [REPORTING_ACCOUNT],
  });
  const generated = await fetch(`${keyring.baseUrl}/v1/credentials/${billing.clientId}/secrets`, {
    method: 'POST',
    headers: {
      authorization: admin.authorization,
      'content-type': 'application/json',
      'x-request-id': '-1-1',
    },
    body: '{}',
  });
  const { secretId } = (await generated.json()) as { secretId: string };
  const deleted = await fetch(`${keyring.baseUrl}/v1/credentials/${billing.clientId}/secrets/${secretId}`, {
    method: 'DELETE',
    headers: { authorization: admin.authorization },
  });
  if (generated.status !== 201 || deleted.status !== 204) {
    throw new Error(`Secret generate/delete failed: ${generated.status}, ${deleted.status}`);
  }
  await accessTokenFor(keyring.baseUrl, billing);
  await accessTokenFor(keyring.baseUrl, reporting);
  await accessTokenFor(keyring.baseUrl, billing);
  const refused = await requestToken(keyring.baseUrl, {
    ...reporting,
    clientSecret: `${reporting.clientSecret}x`,
  });
  if (refused.status !== 401) throw new Error(`A wrong secret got ${refused.status}, not 401`);
  return { billing, reporting };
}

/** Waits until the projector has written every event's entry and the service finds the log intact. */
export async function waitForIntactAudit(
  keyring: RunningKeyring,
  admin: AdminClient,
): Promise<AuditVerification> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const head = await keyring.store.headPosition();
    const verification = await getJson<AuditVerification>(keyring, admin, '/v1/audit/verify');
    if (verification.ok && verification.head?.position === head) return verification;
    if (Date.now() > deadline) throw new Error(`Audit log not caught up: ${JSON.stringify(verification)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every entry the REST API lists for a query, oldest first (the API pages newest first). */
export async function auditEntries(
  keyring: RunningKeyring,
  admin: AdminClient,
  filters: Record<string, string> = {},
): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...filters, limit: '200', ...(cursor ? { cursor } : {}) });
    const page: { items: AuditEntry[]; nextCursor: string | null } = await getJson(
      keyring,
      admin,
      `/v1/audit?${query.toString()}`,
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return entries.reverse();
}

/** A copy of a stopped service's data directory, to damage without touching the original. */
export function copyDataDir(dataDir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-copy-'));
  fs.cpSync(dataDir, copy, { recursive: true });
  return copy;
}
