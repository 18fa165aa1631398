/**
 * Tokens outlive the process that issued them, and signing keys rotate
 * without breaking them: after a restart on the same data directory earlier
 * tokens still verify and introspect and still count toward the ten-token
 * limit; after `keys rotate` (the real CLI, in another process) old tokens
 * still verify and new ones carry the new key id.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  adminClient,
  basicAuthorization,
  createClient,
  type ClientCredentials,
  requestToken,
} from './support/oauth-clients';
import { freePort, type RunningKeyring, startKeyring } from './support/running-keyring';

const ROOT = path.resolve(__dirname, '..');
const ISSUER = 'http://keyring.test';

async function token(keyring: RunningKeyring, client: ClientCredentials): Promise<string> {
  const response = await requestToken(keyring.baseUrl, client);
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function introspect(keyring: RunningKeyring, caller: ClientCredentials, accessToken: string) {
  const response = await fetch(`${keyring.baseUrl}/oauth2/introspect`, {
    method: 'POST',
    headers: {
      authorization: basicAuthorization(caller),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token: accessToken }).toString(),
  });
  return (await response.json()) as { active: boolean; jti?: string };
}

const verifyWithJwks = (keyring: RunningKeyring, accessToken: string) =>
  jwtVerify(accessToken, createRemoteJWKSet(new URL(`${keyring.baseUrl}/.well-known/jwks.json`)), {
    issuer: ISSUER,
  });

describe('tokens across restarts and key rotation', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-persist-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps tokens valid, known and counted after a restart on the same data directory', async () => {
    const env = { ISSUER, TOKEN_AUDIENCE: ISSUER };
    const first = await startKeyring(env, dataDir);
    const admin = await adminClient(first);
    const client = await createClient(first, admin.authorization);
    const tokens: string[] = [];
    for (let i = 0; i < 10; i++) tokens.push(await token(first, client));
    const keyFile = path.join(dataDir, 'signing-keys.json');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    await first.stop();

    const second = await startKeyring({ ...env, PORT: String(await freePort()) }, dataDir);
    try {
      for (const accessToken of [tokens[0], tokens[9]]) {
        await expect(verifyWithJwks(second, accessToken)).resolves.toBeDefined();
        expect(await introspect(second, admin, accessToken)).toMatchObject({ active: true });
      }
      const eleventh = await requestToken(second.baseUrl, client);
      expect(eleventh.status).toBe(429);
      expect(await eleventh.json()).toMatchObject({ error: 'token_limit_reached' });
    } finally {
      await second.stop();
    }
  }, 30_000);

  it('keeps tokens signed before `keys rotate` valid, and signs new ones with the new key', async () => {
    const keyring = await startKeyring({ ISSUER, TOKEN_AUDIENCE: ISSUER }, dataDir);
    try {
      const admin = await adminClient(keyring);
      const client = await createClient(keyring, admin.authorization);
      const before = await token(keyring, client);
      const oldKid = decodeProtectedHeader(before).kid;

      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--require',
          path.join(ROOT, 'scripts/ts-register.js'),
          path.join(ROOT, 'apps/keyring/src/cli/cli.ts'),
          'keys',
          'rotate',
          '--json',
        ],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } },
      );
      const rotated = JSON.parse(stdout) as { kid: string; retiredKid: string };
      expect(rotated.retiredKid).toBe(oldKid);
      expect(rotated.kid).not.toBe(oldKid);

      // The running service notices the rewritten key ring within a few seconds.
      const publishedKids = async () =>
        (
          (await (await fetch(`${keyring.baseUrl}/.well-known/jwks.json`)).json()) as {
            keys: { kid: string }[];
          }
        ).keys.map((key) => key.kid);
      for (let waited = 0; (await publishedKids())[0] !== rotated.kid && waited < 5000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await publishedKids()).toEqual([rotated.kid, oldKid]);
      const after = await token(keyring, client);
      expect(decodeProtectedHeader(after).kid).toBe(rotated.kid);

      for (const accessToken of [before, after]) {
        await expect(verifyWithJwks(keyring, accessToken)).resolves.toBeDefined();
        expect(await introspect(keyring, admin, accessToken)).toMatchObject({ active: true });
      }
    } finally {
      await keyring.stop();
    }
  }, 30_000);
});
