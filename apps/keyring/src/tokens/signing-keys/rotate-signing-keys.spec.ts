import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JWK } from 'jose';
import type { KeyRing, StoredSigningKey } from './key-ring';
import { readKeyRingFile } from './key-ring-file';
import { ensureKeyRing, rotateKeyRing, rotateSigningKeys } from './rotate-signing-keys';

const TTL_SECONDS = 300;
const SKEW_SECONDS = 60;
const NOW = new Date('2030-01-01T12:00:00.000Z');
const secondsBefore = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

function storedKey(kid: string, retiredAt: string | null): StoredSigningKey {
  const privateJwk: JWK = { kty: 'OKP', crv: 'Ed25519', x: `x-${kid}`, d: `d-${kid}` };
  return { kid, alg: 'EdDSA', privateJwk, createdAt: '2029-01-01T00:00:00.000Z', retiredAt };
}

describe('rotating the key ring', () => {
  const ring: KeyRing = {
    version: 1,
    keys: [
      storedKey('current', null),
      storedKey('retired-within-ttl', secondsBefore(TTL_SECONDS)),
      storedKey('retired-within-skew', secondsBefore(TTL_SECONDS + SKEW_SECONDS)),
      storedKey('retired-past-ttl-and-skew', secondsBefore(TTL_SECONDS + SKEW_SECONDS + 1)),
    ],
  };
  const rotated = rotateKeyRing(ring, storedKey('new', null), NOW, TTL_SECONDS);

  it('makes the new key current, listed first', () => {
    expect(rotated.keys[0]).toEqual(storedKey('new', null));
    expect(rotated.keys.filter((key) => key.retiredAt === null)).toHaveLength(1);
  });

  it('retires the previous current key now, keeping it to verify the tokens it signed', () => {
    expect(rotated.keys[1]).toEqual(storedKey('current', NOW.toISOString()));
  });

  it('drops the keys retired longer ago than a token lives (plus clock skew), and only those', () => {
    expect(rotated.keys.map((key) => key.kid)).toEqual([
      'new',
      'current',
      'retired-within-ttl',
      'retired-within-skew',
    ]);
  });

  it('leaves the given ring unchanged', () => {
    expect(ring.keys[0].retiredAt).toBeNull();
    expect(ring.keys).toHaveLength(4);
  });
});

describe('rotating the key ring file', () => {
  let dataDir: string;
  let file: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-rotation-'));
    file = path.join(dataDir, 'signing-keys.json');
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('replaces the current key and reports both kids for the CLI', async () => {
    const before = await ensureKeyRing(file, 'ES256', NOW);
    const rotated = await rotateSigningKeys(file, 'EdDSA', NOW, TTL_SECONDS);
    const after = (await readKeyRingFile(file))!;
    expect(rotated).toEqual({ kid: after.keys[0].kid, retiredKid: before.keys[0].kid });
    expect(after.keys.map(({ kid, alg, retiredAt }) => ({ kid, alg, retiredAt }))).toEqual([
      { kid: rotated.kid, alg: 'EdDSA', retiredAt: null },
      { kid: rotated.retiredKid, alg: 'ES256', retiredAt: NOW.toISOString() },
    ]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('creates the key ring when there is none yet, with nothing retired', async () => {
    const rotated = await rotateSigningKeys(file, 'ES256', NOW, TTL_SECONDS);
    expect(rotated.retiredKid).toBeNull();
    expect((await readKeyRingFile(file))!.keys.map((key) => key.kid)).toEqual([rotated.kid]);
  });
});
