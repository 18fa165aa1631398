/**
 * Damaged or foreign files at start. The event store is the source of
 * truth: a file that is not a Keyring store, or fails SQLite's quick check,
 * stops the service with a message naming it and what to do, and is left
 * exactly as it was. The read models and snapshots are derived: a damaged
 * one is deleted and rebuilt from the event store.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { damagePageHeader, storeWithEvents } from '@keyring/event-store/sqlite/testing/damaged-store-files';
import { eventually } from './support/eventually';
import { adminClient, createClient } from './support/oauth-clients';
import { startKeyring } from './support/running-keyring';
import { freePortNumber, startServiceProcess } from './support/service-process';

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('files found damaged or foreign at start', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-start-faults-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function refusedStart(): Promise<string> {
    const service = startServiceProcess({
      DATA_DIR: dataDir,
      PORT: String(await freePortNumber()),
      GRPC_PORT: 'off',
      HOST: '127.0.0.1',
    });
    expect(await service.exited).toBe(1);
    return service.output();
  }

  it('refuses an event store that fails the integrity check, naming it, and leaves it untouched', async () => {
    const file = path.join(dataDir, 'events.sqlite');
    await storeWithEvents(file);
    damagePageHeader(file);
    const before = digest(file);
    const output = await refusedStart();
    expect(output).toContain(`Event store ${file} fails SQLite's integrity check`);
    expect(output).toContain('restore the file from a backup');
    expect(digest(file)).toBe(before);
  }, 30_000);

  it("refuses another application's database in the event store's place", async () => {
    const file = path.join(dataDir, 'events.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    other.close();
    const before = digest(file);
    const output = await refusedStart();
    expect(output).toContain(`Event store ${file} is a SQLite database but not a Keyring event store`);
    expect(output).toContain('move this file away');
    expect(digest(file)).toBe(before);
  }, 30_000);

  it('rebuilds damaged read models and snapshots from the event store', async () => {
    const first = await startKeyring({ GRPC_PORT: 'off' }, dataDir);
    const admin = await adminClient(first);
    const client = await createClient(first, admin.authorization);
    await first.stop();
    for (const name of ['read-models.sqlite', 'snapshots.sqlite']) {
      fs.writeFileSync(path.join(dataDir, name), 'scribbled over by something else\n'.repeat(100));
    }

    const keyring = await startKeyring({ GRPC_PORT: 'off' }, dataDir);
    try {
      // nestjs-pino keeps one root logger per process, the first app's, so look in both apps' lines.
      const logs = [...first.logs, ...keyring.logs].join('');
      expect(logs).toMatch(/The read-model and audit-log file \S+read-models\.sqlite failed its check/);
      expect(logs).toMatch(/The snapshot file \S+snapshots\.sqlite failed its check/);
      const head = await keyring.store.headPosition();
      await eventually(async () => {
        const ready = (await (await fetch(`${keyring.managementUrl}/health/ready`)).json()) as {
          info?: { projection?: { checkpoint: number } };
        };
        expect(ready.info?.projection?.checkpoint).toBe(head);
      });
      const token = await adminClient(keyring);
      const credential = await fetch(`${keyring.baseUrl}/v1/credentials/${client.clientId}`, {
        headers: { authorization: token.authorization },
      });
      expect(credential.status).toBe(200);
      const verified = await fetch(`${keyring.baseUrl}/v1/audit/verify`, {
        headers: { authorization: token.authorization },
      });
      expect(await verified.json()).toMatchObject({ ok: true });
    } finally {
      await keyring.destroy();
    }
  }, 60_000);
});
