/**
 * A forged audit row where the next real entry belongs stops the projector
 * rather than being overwritten: readiness turns 503 (the management
 * listener's report says why; the public port, only that), commands
 * still answer (after the bounded read-your-writes wait), and a rebuild
 * restores the log, after which the projector runs on.
 */
import * as path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { openReadModelDatabase } from '../apps/keyring/src/projection/read-model-database';
import { rebuildProjections } from '../apps/keyring/src/projection/rebuild-projections';
import { adminClient } from './support/oauth-clients';
import { eventually } from './support/eventually';
import { startKeyring } from './support/running-keyring';

const ENV = { LOG_LEVEL: 'warn', READ_YOUR_WRITES_TIMEOUT_MS: '100', PROJECTION_POLL_MS: '20' };

describe('a forged audit row in the projector’s way', () => {
  it('makes readiness fail with the reason until the read models are rebuilt', async () => {
    const first = await startKeyring(ENV);
    await adminClient(first, ['*']);
    const head = await first.store.headPosition();
    await first.stop();

    const file = path.join(first.dataDir, 'read-models.sqlite');
    const db = new Database(file);
    const row = db.prepare('SELECT * FROM audit_log ORDER BY position DESC LIMIT 1').get() as Record<
      string,
      unknown
    >;
    db.prepare(
      `INSERT INTO audit_log (position, occurred_at, action, client_id, accounts, actor_type, actor_id, on_behalf_of,
         source_ip, request_id, outcome, details, prev_hash, hash)
       VALUES (@position, @occurred_at, @action, @client_id, @accounts, @actor_type, @actor_id, @on_behalf_of,
         @source_ip, @request_id, @outcome, @details, @prev_hash, @hash)`,
    ).run({ ...row, position: head + 1 });
    db.close();

    const keyring = await startKeyring(ENV, first.dataDir);
    try {
      const admin = await adminClient(keyring, ['*']);
      await eventually(async () => {
        const ready = await request(keyring.managementUrl).get('/health/ready');
        expect(ready.status).toBe(503);
        const publicReady = await request(keyring.baseUrl).get('/health/ready');
        expect(publicReady.status).toBe(503);
        expect(publicReady.body).toEqual({ status: 'error' });
        expect(ready.body.error.projection).toMatchObject({
          status: 'down',
          checkpoint: head,
          message: expect.stringContaining(`already holds an entry at position ${head + 1}`),
        });
      });
      // nestjs-pino keeps one root logger per process, the first app's, so look in both apps' lines.
      expect([...first.logs, ...keyring.logs].join('')).toContain('Projection stopped');

      const readModels = openReadModelDatabase({ file });
      try {
        await rebuildProjections(keyring.store, readModels);
      } finally {
        readModels.close();
      }
      await eventually(async () => {
        await request(keyring.managementUrl).get('/health/ready').expect(200);
      });
      const verified = await request(keyring.baseUrl)
        .get('/v1/audit/verify')
        .set('Authorization', admin.authorization)
        .expect(200);
      expect(verified.body).toMatchObject({ ok: true, checked: await keyring.store.headPosition() });
    } finally {
      await keyring.destroy();
    }
  }, 30_000);
});
