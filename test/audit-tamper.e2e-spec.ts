/**
 * The audit log is tamper-evident: someone with write access to the
 * read-model file who changes, removes or adds an entry is caught by
 * `audit verify` (exit 1, naming the first bad position and what is wrong),
 * even a forger who recomputes the hash chain, because the expected chain
 * comes from the event store. Each case damages its own copy of a stopped
 * service's data directory.
 */
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashAuditEntry } from '../apps/keyring/src/projection/audit-log/audit-entry';
import type { AuditProblem, AuditVerification } from '../apps/keyring/src/audit/verify-audit-chain';
import { type AuditRow, auditEntryFromRow } from '../apps/keyring/src/projection/audit-log/audit-log-reader';
import { copyDataDir, getJson, makeAuditActivity, waitForIntactAudit } from './support/audit-activity';
import { type AdminClient, accessTokenFor, adminClient } from './support/oauth-clients';
import { runCli } from './support/run-cli';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const READ_MODELS = 'read-models.sqlite';

/** Opens a copy's read-model file as an intruder would: plain SQL, none of Keyring's code. */
function tamper(dataDir: string, change: (db: Database.Database) => void): void {
  const db = new Database(path.join(dataDir, READ_MODELS));
  try {
    change(db);
  } finally {
    db.close();
  }
}

const rowAt = (db: Database.Database, position: number): AuditRow =>
  db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE position = ?').get(position) as AuditRow;

/** Rewrites the row's details and then the hash of it and of every later row, as a careful forger would. */
function forgeWithConsistentHashes(db: Database.Database, position: number): void {
  const rows = db
    .prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE position >= ? ORDER BY position')
    .all(position);
  const update = db.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE position = ?');
  let prevHash = rows[0].prev_hash;
  for (const [index, row] of rows.entries()) {
    const { hash: _old, ...entry } = auditEntryFromRow(row);
    const details = index === 0 ? { ...entry.details, forged: true } : entry.details;
    const hash = hashAuditEntry({ ...entry, details, prevHash });
    update.run(JSON.stringify(details), prevHash, hash, row.position);
    prevHash = hash;
  }
  db.prepare('UPDATE checkpoint SET audit_head_hash = ?').run(prevHash);
}

describe('a tampered audit log', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let intact: AuditVerification;
  let positions: number[];
  const copies: string[] = [];

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    admin = await adminClient(keyring);
    await makeAuditActivity(keyring, admin);
    intact = await waitForIntactAudit(keyring, admin);
    await keyring.stop();
    tamper(keyring.dataDir, (db) => {
      positions = db.prepare<[], number>('SELECT position FROM audit_log ORDER BY position').pluck().all();
    });
  }, 20_000);

  afterAll(async () => {
    await keyring.destroy();
    for (const copy of copies) fs.rmSync(copy, { recursive: true, force: true });
  });

  const damagedCopy = (change: (db: Database.Database) => void): string => {
    const copy = copyDataDir(keyring.dataDir);
    copies.push(copy);
    tamper(copy, change);
    return copy;
  };

  const rowHashes = new Map<number, string>();
  const rowHash = (position: number) => rowHashes.get(position) as string;

  /** What verify must say when the entry at `index` of the intact log is the first bad one. */
  const expectedAt = (index: number, position: number, problem: AuditProblem): AuditVerification => ({
    ok: false,
    checked: index,
    head: index === 0 ? null : { position: positions[index - 1], hash: rowHash(positions[index - 1]) },
    firstBad: { position, problem },
  });

  it('is intact before anyone touches it, by the service and by the CLI', async () => {
    expect(positions.length).toBeGreaterThanOrEqual(10);
    tamper(keyring.dataDir, (db) => {
      for (const position of positions) rowHashes.set(position, rowAt(db, position).hash);
    });
    const [plain, json] = await Promise.all([
      runCli(keyring.dataDir, ['audit', 'verify']),
      runCli(keyring.dataDir, ['audit', 'verify', '--json']),
    ]);
    const last = positions[positions.length - 1];
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    expect(plain.stdout).toBe(
      `Audit log intact: ${positions.length} entries checked, head ${last} ${rowHash(last)}\n`,
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(intact);
    expect(intact).toEqual({
      ok: true,
      checked: positions.length,
      head: { position: last, hash: rowHash(last) },
    });
  }, 20_000);

  describe('each kind of tampering is found at its position', () => {
    const middle = () => Math.floor(positions.length / 2);
    const cases: [string, () => { dir: string; expected: AuditVerification }][] = [
      [
        'a changed row is altered',
        () => {
          const dir = damagedCopy((db) =>
            db
              .prepare("UPDATE audit_log SET actor_id = 'somebody-else' WHERE position = ?")
              .run(positions[middle()]),
          );
          return { dir, expected: expectedAt(middle(), positions[middle()], 'altered') };
        },
      ],
      [
        'a changed row whose hash chain was recomputed is still altered',
        () => {
          const dir = damagedCopy((db) => forgeWithConsistentHashes(db, positions[middle()]));
          return { dir, expected: expectedAt(middle(), positions[middle()], 'altered') };
        },
      ],
      [
        'a deleted row is missing',
        () => {
          const position = positions[middle()];
          const dir = damagedCopy((db) => {
            db.prepare('DELETE FROM audit_log WHERE position = ?').run(position);
            db.prepare('DELETE FROM audit_accounts WHERE position = ?').run(position);
          });
          return { dir, expected: expectedAt(middle(), position, 'missing') };
        },
      ],
      [
        'a row added past the last event is inserted',
        () => {
          const last = positions[positions.length - 1];
          const position = last + 1000;
          const dir = damagedCopy((db) => {
            const row = rowAt(db, last);
            const columns = Object.keys(row);
            db.prepare(
              `INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
            ).run({ ...row, position, prev_hash: row.hash });
          });
          return {
            dir,
            expected: {
              ok: false,
              checked: positions.length,
              head: { position: last, hash: rowHash(last) },
              firstBad: { position, problem: 'inserted' },
            },
          };
        },
      ],
    ];

    it.each(cases)(
      '%s',
      async (_title, damage) => {
        const { dir, expected } = damage();
        const [plain, json] = await Promise.all([
          runCli(dir, ['audit', 'verify']),
          runCli(dir, ['audit', 'verify', '--json']),
        ]);
        const bad = expected.firstBad as NonNullable<AuditVerification['firstBad']>;
        expect(plain.code).toBe(1);
        expect(plain.stdout).toContain(
          `Audit log NOT intact: first bad entry at position ${bad.position} (${bad.problem}); ` +
            `${expected.checked} entries before it are intact`,
        );
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout)).toEqual(expected);
      },
      20_000,
    );
  });

  it('says which events it could not check when the log ends before the event store', async () => {
    // Rows cut from the end together with the checkpoint look like a projector that is behind:
    // the chain that remains is intact, so verify can only say how much it did not cover.
    const kept = positions[positions.length - 3];
    const storeHead = positions[positions.length - 1];
    const dir = damagedCopy((db) => {
      db.prepare('DELETE FROM audit_log WHERE position > ?').run(kept);
      db.prepare('UPDATE checkpoint SET position = ?, audit_head_hash = ?').run(kept, rowHash(kept));
    });
    const result = await runCli(dir, ['audit', 'verify']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Audit log intact: ${positions.length - 2} entries checked, head ${kept}`,
    );
    expect(result.stdout).toContain(
      `Events after position ${kept} (up to ${storeHead}) are not in the log yet`,
    );
  }, 20_000);

  it('is reported the same way by the service started on the damaged data', async () => {
    const position = positions[1];
    const dir = damagedCopy((db) =>
      db
        .prepare(`UPDATE audit_log SET details = '{"reason":"nothing to see"}' WHERE position = ?`)
        .run(position),
    );
    const service = await startKeyring({ LOG_LEVEL: 'warn' }, dir);
    try {
      // The admin made before the copy still signs in there (same events and pepper); its token names the new issuer.
      const token = await accessTokenFor(service.baseUrl, admin);
      const verification = await getJson<AuditVerification>(
        service,
        { ...admin, authorization: `Bearer ${token}` },
        '/v1/audit/verify',
      );
      expect(verification).toEqual(expectedAt(1, position, 'altered'));
    } finally {
      await service.stop();
    }
    const cli = await runCli(dir, ['audit', 'verify', '--json']);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toEqual(expectedAt(1, position, 'altered'));
  }, 20_000);
});
