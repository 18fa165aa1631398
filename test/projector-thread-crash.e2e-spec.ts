/**
 * The projector's thread dies (here: killed from the test, as an uncaught
 * exception or running out of memory would end it). The service notices at
 * once, says so in readiness and the log, keeps issuing tokens and taking
 * commands (whose read-your-writes wait times out as configured), and
 * restarts the thread, which catches up from its checkpoint.
 */
import type { Worker } from 'node:worker_threads';
import { Projector } from '../apps/keyring/src/projection/projector';
import { eventually } from './support/eventually';
import { adminClient, createClient, requestToken } from './support/oauth-clients';
import { startKeyring } from './support/running-keyring';

interface Readiness {
  readonly status: string;
  readonly info?: { projection?: { checkpoint: number } };
  readonly error?: { projection?: { status: string; message: string } };
}

describe('a projector thread that dies', () => {
  it('is reported at once, restarted, and catches up while tokens and commands go on', async () => {
    const keyring = await startKeyring({ GRPC_PORT: 'off', READ_YOUR_WRITES_TIMEOUT_MS: '300' });
    const ready = async (): Promise<{ status: number; body: Readiness }> => {
      const response = await fetch(`${keyring.managementUrl}/health/ready`);
      return { status: response.status, body: (await response.json()) as Readiness };
    };
    try {
      const admin = await adminClient(keyring);
      const projector = keyring.app.get(Projector);
      const firstThread = projector.threadId;
      // The test's hook: the thread itself, ended from outside.
      const thread = (projector as unknown as { worker: Worker }).worker;
      await thread.terminate();

      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body.error?.projection).toMatchObject({
        status: 'down',
        message: expect.stringMatching(
          /^The projector thread died \(exit code \d+: .*\); restarting it in 1000 ms$/,
        ),
      });
      expect(projector.threadId).toBeNull();

      // Meanwhile tokens are issued, and commands answer once their wait for the read models times out.
      expect((await requestToken(keyring.baseUrl, admin)).status).toBe(200);
      const started = Date.now();
      const client = await createClient(keyring, admin.authorization);
      expect(Date.now() - started).toBeLessThan(2000);

      const head = await keyring.store.headPosition();
      await eventually(async () => {
        const up = await ready();
        expect(up.status).toBe(200);
        expect(up.body.info?.projection?.checkpoint).toBe(head);
      }, 5000);
      expect(projector.threadId).not.toBeNull();
      expect(projector.threadId).not.toBe(firstThread);
      const credential = await fetch(`${keyring.baseUrl}/v1/credentials/${client.clientId}`, {
        headers: { authorization: admin.authorization },
      });
      expect(credential.status).toBe(200);
      const logs = keyring.logs.join('');
      expect(logs).toContain('The projector thread died (exit code');
      expect(logs).toContain('The projector thread is running again');
      expect(logs).toContain('without waiting longer');
    } finally {
      await keyring.destroy();
    }
  }, 30_000);
});
