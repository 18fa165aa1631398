import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLIENT_SECRET_PREFIX, ClientSecretHasher } from './client-secret';
import { loadOrCreatePepper, PEPPER_FILE_NAME } from './pepper';

describe('client secrets', () => {
  const hasher = new ClientSecretHasher(Buffer.alloc(32, 7));

  it('carry at least 256 random bits, base64url, behind the kr_sec_ prefix', () => {
    const { plaintext } = hasher.generate();
    expect(plaintext.startsWith(CLIENT_SECRET_PREFIX)).toBe(true);
    const body = plaintext.slice(CLIENT_SECRET_PREFIX.length);
    expect(body).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(body, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(hasher.generate().plaintext).not.toBe(plaintext);
  });

  it('are stored as a keyed hash and recognised by a hint, never by their value', () => {
    const secret = hasher.generate();
    expect(secret.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secret.hash).toBe(hasher.hash(secret.plaintext));
    expect(secret.hash).not.toContain(secret.plaintext.slice(CLIENT_SECRET_PREFIX.length));
    expect(secret.hint).toBe(`kr_sec_…${secret.plaintext.slice(-4)}`);
    expect(new ClientSecretHasher(Buffer.alloc(32, 8)).hash(secret.plaintext)).not.toBe(secret.hash);
  });
});

describe('the pepper', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-pepper-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is generated once into the data directory, readable only by its owner, and reused', () => {
    const first = loadOrCreatePepper(null, dataDir);
    const file = path.join(dataDir, PEPPER_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBe(32);
    expect(loadOrCreatePepper(null, dataDir).equals(first)).toBe(true);
  });

  it('comes from configuration when given, without touching the data directory', () => {
    const pepper = loadOrCreatePepper('x'.repeat(40), dataDir);
    expect(pepper.toString()).toBe('x'.repeat(40));
    expect(fs.existsSync(path.join(dataDir, PEPPER_FILE_NAME))).toBe(false);
  });
});
