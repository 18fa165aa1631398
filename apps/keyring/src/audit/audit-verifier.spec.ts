/**
 * Verification against real files: the projected log checks out, and each
 * kind of tampering done straight in the SQLite file is reported at the
 * position where it was done.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { SqliteEventStore } from '@keyring/event-store';
import { temporaryStoreFiles } from '@keyring/event-store/sqlite/testing/temporary-store-files';
import { auditEntryFromRow, type AuditRow } from '../projection/audit-log/audit-log-reader';
import { openReadModelDatabase } from '../projection/read-model-database';
import { rebuildProjections } from '../projection/rebuild-projections';
import { appendHistories } from '../projection/testing/credential-histories';
import { AuditVerifier } from './audit-verifier';

const files = temporaryStoreFiles();

describe('verifying the audit log', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let positions: number[];
  let opened = 0;

  beforeAll(async () => {
    store = SqliteEventStore.open({ file: files.next('events') });
    await appendHistories(store, 5);
  });
  beforeEach(async () => {
    db = openReadModelDatabase({ file: join(files.directory, `read-models-${++opened}.sqlite`) });
    await rebuildProjections(store, db);
    positions = db.prepare('SELECT position FROM audit_log ORDER BY position').pluck().all() as number[];
  });
  afterEach(() => db.close());
  afterAll(() => store.close());

  const verify = () => new AuditVerifier(store, db).verify();
  const middle = () => positions[Math.floor(positions.length / 2)];

  it('finds an untouched log intact, up to its head', async () => {
    const head = db.prepare('SELECT position, hash FROM audit_log ORDER BY position DESC LIMIT 1').get();

    expect(await verify()).toEqual({ ok: true, checked: positions.length, head });
  });

  it('reports a row whose content was changed as altered', async () => {
    db.prepare("UPDATE audit_log SET actor_id = 'someone-else' WHERE position = ?").run(middle());

    expect(await verify()).toMatchObject({
      ok: false,
      checked: positions.indexOf(middle()),
      firstBad: { position: middle(), problem: 'altered' },
    });
  });

  it('reports an altered row even when the forger recomputed its hash', async () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE position = ?').get(middle()) as AuditRow;
    const forged = { ...auditEntryFromRow(row), outcome: 'success', details: { reason: 'none' } };
    const { hash: _old, ...hashed } = forged;
    const hash = createHash('sha256').update(canonicalize(hashed)!).digest('hex');
    db.prepare('UPDATE audit_log SET details = ?, hash = ? WHERE position = ?').run(
      JSON.stringify(forged.details),
      hash,
      middle(),
    );

    expect((await verify()).firstBad).toEqual({ position: middle(), problem: 'altered' });
  });

  it('reports a deleted row as missing', async () => {
    db.prepare('DELETE FROM audit_log WHERE position = ?').run(middle());

    expect((await verify()).firstBad).toEqual({ position: middle(), problem: 'missing' });
  });

  it('reports a row that no event stands behind as inserted', async () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE position = ?').get(middle()) as AuditRow;
    const forgedPosition = positions[positions.length - 1] + 5;
    db.prepare(
      `INSERT INTO audit_log (position, occurred_at, action, client_id, accounts, actor_type, actor_id, on_behalf_of,
         source_ip, request_id, outcome, details, prev_hash, hash)
       VALUES (@position, @occurred_at, @action, @client_id, @accounts, @actor_type, @actor_id, @on_behalf_of,
         @source_ip, @request_id, @outcome, @details, @prev_hash, @hash)`,
    ).run({ ...row, position: forgedPosition });

    expect(await verify()).toMatchObject({
      ok: false,
      checked: positions.length,
      firstBad: { position: forgedPosition, problem: 'inserted' },
    });
  });

  it('notices a log cut short when the checkpoint was moved back without its head hash', async () => {
    const cut = positions[positions.length - 3];
    db.prepare('DELETE FROM audit_log WHERE position > ?').run(cut);
    db.prepare('UPDATE checkpoint SET position = ?').run(cut);

    expect((await verify()).firstBad).toEqual({ position: cut, problem: 'altered' });
  });

  it('reports a row made unreadable as altered', async () => {
    db.prepare("UPDATE audit_log SET details = '{not json' WHERE position = ?").run(positions[0]);

    expect((await verify()).firstBad).toEqual({ position: positions[0], problem: 'altered' });
  });
});
