/**
 * The compliance commands on a stopped service's data: `audit export` gives
 * the same entries as GET /v1/audit (oldest first, filters alike) as JSONL
 * and as CSV that parses back; `access` answers as GET /v1/access does; and
 * `projections rebuild` restores an audit log that verifies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditEntry } from '../apps/keyring/src/projection/audit-log/audit-entry';
import {
  auditEntries,
  BILLING_ACCOUNT,
  getJson,
  makeAuditActivity,
  waitForIntactAudit,
} from './support/audit-activity';
import { type AdminClient, adminClient } from './support/oauth-clients';
import { runCli } from './support/run-cli';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') cell += text[i++];
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...record, cell]);
      record = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}

const FIELDS = [
  'position',
  'occurredAt',
  'action',
  'clientId',
  'accounts',
  'actor',
  'onBehalfOf',
  'sourceIp',
  'requestId',
  'outcome',
  'details',
  'prevHash',
  'hash',
];

/** A CSV record read back as an entry: JSON cells parsed, empty cells null, the formula guard removed. */
function entryFromCsv(cells: string[]): AuditEntry {
  const value = (field: string, cell: string): unknown => {
    if (field === 'position') return Number(cell);
    if (['accounts', 'actor', 'details'].includes(field)) return JSON.parse(cell);
    if (cell === '') return null;
    return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
  };
  return Object.fromEntries(
    FIELDS.map((field, i) => [field, value(field, cells[i])]),
  ) as unknown as AuditEntry;
}

const readJsonl = (file: string): AuditEntry[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEntry);

describe('audit export, access and projections rebuild on the command line', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let dataDir: string;
  let outDir: string;
  let all: AuditEntry[];
  let forBilling: AuditEntry[];
  let window: { from: string; to: string; entries: AuditEntry[] };
  let access: { at: string; body: unknown };
  const out = (name: string) => path.join(outDir, name);

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    dataDir = keyring.dataDir;
    outDir = fs.mkdtempSync(path.join(dataDir, 'exports-'));
    admin = await adminClient(keyring);
    await makeAuditActivity(keyring, admin);
    await waitForIntactAudit(keyring, admin);
    all = await auditEntries(keyring, admin);
    forBilling = await auditEntries(keyring, admin, { account: BILLING_ACCOUNT });
    // A window that cuts the log in three: the CLI must draw its edges where the API does.
    const from = all[3].occurredAt;
    const to = all[all.length - 3].occurredAt;
    window = { from, to, entries: await auditEntries(keyring, admin, { from, to }) };
    const at = all[Math.floor(all.length / 2)].occurredAt;
    access = { at, body: await getJson(keyring, admin, `/v1/access?account=${BILLING_ACCOUNT}&at=${at}`) };
    await keyring.stop();
  }, 20_000);

  afterAll(() => keyring.destroy());

  it('exports every entry as JSONL, oldest first, exactly as the API lists them', async () => {
    const result = await runCli(dataDir, ['audit', 'export', '--format', 'jsonl', '--out', out('all.jsonl')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Exported ${all.length} audit entries (jsonl) to ${out('all.jsonl')}\n`);
    const exported = readJsonl(out('all.jsonl'));
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((entry) => entry.action))).toEqual(
      new Set(['credential.created', 'secret.generated', 'secret.deleted', 'token.issued', 'token.refused']),
    );
    expect(exported).toEqual(all);
    expect(exported.map((entry) => Object.keys(entry))).toEqual(all.map(() => FIELDS));
    expect(fs.readdirSync(outDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    // The audit trail says who reached which account: the export is its operator's alone.
    expect(fs.statSync(out('all.jsonl')).mode & 0o777).toBe(0o600);
  }, 20_000);

  it('exports CSV that parses back to the same entries, with formula-like cells defused', async () => {
    const result = await runCli(dataDir, ['audit', 'export', '--format', 'csv', '--out', out('all.csv')]);
    expect(result.code).toBe(0);
    const text = fs.readFileSync(out('all.csv'), 'utf8');
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(FIELDS);
    expect(records.map(entryFromCsv)).toEqual(all);
    // The request id "-1-1" would be a formula in a spreadsheet; the name holds a comma and quotes.
    expect(text).toContain(",'-1-1,");
    expect(text).toContain('billing, \\""east\\""');
  }, 20_000);

  it('exports only the entries of an account, or of a time window, as the API filters them', async () => {
    const [byAccount, byTime] = await Promise.all([
      runCli(
        dataDir,
        ['audit', 'export', '--format', 'jsonl', '--out', out('billing.jsonl')].concat([
          '--account',
          BILLING_ACCOUNT,
        ]),
      ),
      runCli(
        dataDir,
        ['audit', 'export', '--format=jsonl', `--out=${out('window.jsonl')}`].concat([
          '--from',
          window.from,
          '--to',
          window.to,
        ]),
      ),
    ]);
    expect([byAccount.code, byTime.code]).toEqual([0, 0]);
    expect(forBilling.length).toBeGreaterThan(0);
    expect(forBilling.length).toBeLessThan(all.length);
    expect(readJsonl(out('billing.jsonl'))).toEqual(forBilling);
    expect(window.entries.length).toBeGreaterThan(0);
    expect(window.entries.length).toBeLessThan(all.length);
    expect(readJsonl(out('window.jsonl'))).toEqual(window.entries);
  }, 20_000);

  it('refuses an unknown format with exit status 2 and writes nothing', async () => {
    const result = await runCli(dataDir, ['audit', 'export', '--format', 'xml', '--out', out('audit.xml')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--format must be one of jsonl, csv (got "xml")');
    expect(fs.existsSync(out('audit.xml'))).toBe(false);
  }, 20_000);

  it('answers who could obtain a token at an instant as GET /v1/access does', async () => {
    const args = ['access', '--account', BILLING_ACCOUNT, '--at', access.at];
    const [json, readable] = await Promise.all([runCli(dataDir, [...args, '--json']), runCli(dataDir, args)]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(access.body);
    const { credentials } = access.body as { credentials: { clientId: string; name: string }[] };
    expect(credentials.length).toBeGreaterThan(0);
    expect(readable.code).toBe(0);
    for (const credential of credentials) {
      expect(readable.stdout).toContain(`${credential.name}  (client ID ${credential.clientId})`);
    }
  }, 20_000);

  it('rebuilds the projections, after which the audit log verifies and exports the same', async () => {
    const rebuild = await runCli(dataDir, ['projections', 'rebuild']);
    expect(rebuild.code).toBe(0);
    const head = all[all.length - 1].position;
    expect(rebuild.stdout).toMatch(
      new RegExp(
        `^Projections rebuilt: \\d+ events applied, checkpoint at position ${head}, in .+ \\([\\d,]+ events/s\\)\\.\\n$`,
      ),
    );
    const [verify, exported] = await Promise.all([
      runCli(dataDir, ['audit', 'verify']),
      runCli(dataDir, ['audit', 'export', '--format', 'jsonl', '--out', out('rebuilt.jsonl')]),
    ]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`Audit log intact: ${all.length} entries checked, head ${head}`);
    expect(exported.code).toBe(0);
    expect(readJsonl(out('rebuilt.jsonl'))).toEqual(all);
  }, 30_000);
});
