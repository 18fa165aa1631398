import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSigningKey } from './generate-signing-key';
import { KEY_RING_FORMAT_VERSION, type KeyRing } from './key-ring';
import { readKeyRingFile, writeKeyRingFile } from './key-ring-file';
import { KeyRingFileError } from './key-ring-file-error';
import { ensureKeyRing } from './rotate-signing-keys';

const NOW = new Date('2030-01-01T00:00:00.000Z');

describe('the key ring file', () => {
  let dataDir: string;
  let file: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-signing-keys-'));
    file = path.join(dataDir, 'keys', 'signing-keys.json');
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is created on first start with one current key, readable only by its owner', async () => {
    const ring = await ensureKeyRing(file, 'ES256', NOW);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(ring.version).toBe(KEY_RING_FORMAT_VERSION);
    expect(ring.keys).toEqual([
      expect.objectContaining({ alg: 'ES256', createdAt: NOW.toISOString(), retiredAt: null }),
    ]);
    expect(await readKeyRingFile(file)).toEqual(ring);
  });

  it('is reused on the next start: the same key stays current', async () => {
    const first = await ensureKeyRing(file, 'ES256', NOW);
    const second = await ensureKeyRing(file, 'EdDSA', new Date('2031-01-01T00:00:00.000Z'));
    expect(second).toEqual(first);
  });

  it('gets one first key even when two processes start at once', async () => {
    const rings = await Promise.all([1, 2, 3].map(() => ensureKeyRing(file, 'EdDSA', NOW)));
    const kids = new Set(rings.map((ring) => ring.keys[0].kid));
    expect(kids).toEqual(new Set([(await readKeyRingFile(file))!.keys[0].kid]));
  });

  it('is replaced whole, leaving no temporary file behind and keeping mode 0600', async () => {
    await ensureKeyRing(file, 'ES256', NOW);
    fs.chmodSync(file, 0o644);
    const ring: KeyRing = { version: 1, keys: [await generateSigningKey('EdDSA', NOW)] };
    await writeKeyRingFile(file, ring);
    expect(await readKeyRingFile(file)).toEqual(ring);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['signing-keys.json']);
  });

  it('reads as null when it does not exist', async () => {
    expect(await readKeyRingFile(file)).toBeNull();
  });

  describe('a corrupt or wrongly shaped file is refused, naming the file and never quoting a key', () => {
    const privateD = 'PRIVATE-d-value-that-must-never-be-logged';
    const validKey = () => generateSigningKey('ES256', NOW);

    const cases: [string, () => Promise<unknown>, RegExp][] = [
      [
        'truncated JSON',
        async () => `{"version":1,"keys":[{"privateJwk":{"d":"${privateD}"`,
        /not valid JSON/,
      ],
      [
        'another format version',
        async () => ({ version: 2, keys: [await validKey()] }),
        /"version" is not 1/,
      ],
      ['no keys', async () => ({ version: 1, keys: [] }), /"keys" is not a non-empty array/],
      [
        'two current keys',
        async () => ({ version: 1, keys: [await validKey(), await validKey()] }),
        /2 keys have "retiredAt": null/,
      ],
      [
        'a key of an unknown algorithm',
        async () => ({ version: 1, keys: [{ ...(await validKey()), alg: 'HS256' }] }),
        /keys\[0\] has an "alg" other than/,
      ],
      [
        'a private key without its private part',
        async () => {
          const { d: _d, ...publicOnly } = (await validKey()).privateJwk;
          return { version: 1, keys: [{ ...(await validKey()), privateJwk: publicOnly }] };
        },
        /keys\[0\] has a "privateJwk" that is not an ES256 private key/,
      ],
      [
        'a key whose JWK does not match its algorithm',
        async () => ({ version: 1, keys: [{ ...(await validKey()), alg: 'EdDSA', kid: privateD }] }),
        /keys\[0\] has a "privateJwk" that is not an EdDSA private key/,
      ],
    ];

    it.each(cases)('%s', async (_case, contents, problem) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const content = await contents();
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      const error = await readKeyRingFile(file).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(KeyRingFileError);
      const { message } = error as KeyRingFileError;
      expect(message).toContain(file);
      expect(message).toMatch(problem);
      expect(message).not.toContain(privateD);
      expect(message).not.toMatch(/"d"|"x"|"y"/);
    });
  });
});
