/**
 * A full disk, for real: the event store and the read models each on a
 * small tmpfs of their own, filled by the test. Appends are refused as
 * unavailable with nothing half-written and readiness says why; the
 * projector stops at its checkpoint; both resume by themselves once space
 * is freed. Needs permission to mount (root); elsewhere it says SKIPPED.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { eventually } from './support/eventually';
import { validCredential } from './support/credential-bodies';
import { adminClient, createClient, requestToken } from './support/oauth-clients';
import { startKeyring } from './support/running-keyring';

const SIZE = '4m';

function mountTmpfs(directory: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', directory], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
}

/** Takes every free byte of the file system holding `directory`; returns the filler to delete. */
function fillUp(directory: string): string {
  const filler = path.join(directory, 'filler');
  const fd = fs.openSync(filler, 'w');
  try {
    for (const size of [256 * 1024, 4096, 512]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

describe('a full disk', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-full-disk-'));
  const eventsMount = path.join(root, 'events');
  const readModelsMount = path.join(root, 'read-models');
  let skipped: string | null = null;
  beforeAll(() => {
    fs.mkdirSync(eventsMount);
    fs.mkdirSync(readModelsMount);
    skipped = mountTmpfs(eventsMount);
    if (skipped === null) {
      skipped = mountTmpfs(readModelsMount);
      if (skipped !== null) execFileSync('umount', [eventsMount]);
    }
    if (skipped !== null)
      process.stdout.write(`SKIPPED: full-disk test, cannot mount a tmpfs here (${skipped})\n`);
  });
  afterAll(() => {
    for (const mount of [eventsMount, readModelsMount]) {
      try {
        execFileSync('umount', [mount], { stdio: 'pipe' });
      } catch {
        // not mounted
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses appends as unavailable, projects nothing half-done, and recovers by itself once space is freed', async () => {
    if (skipped !== null) return;
    const eventsFile = path.join(eventsMount, 'events.sqlite');
    const keyring = await startKeyring({
      GRPC_PORT: 'off',
      SQLITE_FILE: eventsFile,
      READ_MODEL_FILE: path.join(readModelsMount, 'read-models.sqlite'),
    });
    const readiness = async () => {
      const response = await fetch(`${keyring.managementUrl}/health/ready`);
      return {
        status: response.status,
        body: (await response.json()) as Record<string, Record<string, unknown>>,
      };
    };
    const caughtUp = async () => {
      const head = await keyring.store.headPosition();
      await eventually(async () => {
        const ready = await readiness();
        expect(ready.status).toBe(200);
        expect(ready.body.info.projection).toMatchObject({ checkpoint: head });
      }, 10_000);
    };
    try {
      const admin = await adminClient(keyring);
      const client = await createClient(keyring, admin.authorization);
      await caughtUp();

      // 1. The event store's disk fills up.
      const head = await keyring.store.headPosition();
      let filler = fillUp(eventsMount);
      const token = await requestToken(keyring.baseUrl, client);
      expect(token.status).toBe(503);
      expect(token.headers.get('retry-after')).toBe('10');
      expect(await token.json()).toMatchObject({ error: 'temporarily_unavailable' });
      const command = await fetch(`${keyring.baseUrl}/v1/credentials`, {
        method: 'POST',
        headers: { authorization: admin.authorization, 'content-type': 'application/json' },
        body: JSON.stringify(validCredential({ allowedIps: [] })),
      });
      expect(command.status).toBe(503);
      expect(command.headers.get('content-type')).toContain('application/problem+json');
      expect(command.headers.get('retry-after')).toBe('10');
      expect(await command.json()).toMatchObject({ status: 503, code: 'STORAGE_FULL' });
      const full = await readiness();
      expect(full.status).toBe(503);
      expect(full.body.error.eventStore).toMatchObject({
        status: 'down',
        message: expect.stringContaining(`The event store ${eventsFile} is on a full disk`),
      });
      // Nothing half-written: the same events, and a sound file.
      expect(await keyring.store.headPosition()).toBe(head);
      const reader = new Database(eventsFile, { readonly: true });
      expect(reader.prepare('PRAGMA quick_check').pluck().get()).toBe('ok');
      expect(reader.prepare('SELECT MAX(position) FROM events').pluck().get()).toBe(head);
      reader.close();

      // Space is freed: no restart needed.
      fs.rmSync(filler);
      expect((await requestToken(keyring.baseUrl, client)).status).toBe(200);
      await caughtUp();

      // 2. The read models' disk fills up: tokens are still issued, the projector stops at its checkpoint.
      filler = fillUp(readModelsMount);
      for (let count = 0; count < 3; count++)
        expect((await requestToken(keyring.baseUrl, client)).status).toBe(200);
      await eventually(async () => {
        const stalled = await readiness();
        expect(stalled.status).toBe(503);
        expect(stalled.body.error.projection).toMatchObject({
          status: 'down',
          message: expect.stringContaining('is on a full disk: projection stopped at position'),
        });
      }, 10_000);
      expect(keyring.logs.join('')).toContain('is on a full disk: projection stopped at position');
      fs.rmSync(filler);
      await caughtUp();
      const verified = await fetch(`${keyring.baseUrl}/v1/audit/verify`, {
        headers: { authorization: admin.authorization },
      });
      expect(await verified.json()).toMatchObject({ ok: true });
    } finally {
      await keyring.destroy();
    }
  }, 60_000);
});
