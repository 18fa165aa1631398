import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { SigningKeyRing } from './signing-keys/signing-key-ring';
import { AccessTokenSigner } from './access-token-signer';

const CLAIMS = {
  iss: 'https://keyring.test',
  sub: 'c1',
  client_id: 'c1',
  aud: 'https://api.test',
  iat: 1_700_000_000,
  exp: 4_000_000_000,
  jti: 'j1',
  scope: 'invoices:read',
  accounts: ['9900001'],
  roles: ['billing:read'],
};

describe.each(['ES256', 'EdDSA'] as const)('access tokens signed with %s', (signingAlgorithm) => {
  let dir: string;
  let ring: SigningKeyRing;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-signer-'));
    ring = new SigningKeyRing(
      { signingKeysFile: path.join(dir, 'keys.json'), signingAlgorithm, ttlSeconds: 3600 },
      () => new Date(),
    );
    await ring.onModuleInit();
  });
  afterAll(() => {
    ring.onModuleDestroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verify with jose against the published key, with the RFC 9068 header and every claim', async () => {
    const token = new AccessTokenSigner(ring).sign(CLAIMS);
    expect(decodeProtectedHeader(token)).toEqual({
      alg: signingAlgorithm,
      kid: ring.current().kid,
      typ: 'at+jwt',
    });
    const { payload } = await jwtVerify(token, (header) => ring.keyFor(header)!, { typ: 'at+jwt' });
    expect(payload).toEqual(CLAIMS);
  });

  it('do not verify once a claim is changed', async () => {
    const [header, , signature] = new AccessTokenSigner(ring).sign(CLAIMS).split('.');
    const forged = Buffer.from(JSON.stringify({ ...CLAIMS, accounts: ['*'] })).toString('base64url');
    await expect(jwtVerify(`${header}.${forged}.${signature}`, (h) => ring.keyFor(h)!)).rejects.toThrow();
  });
});
