import { generatePassword, PasswordHasher } from './password-hasher';

describe('API user passwords are stored as salted scrypt hashes with OWASP parameters', () => {
  const hasher = new PasswordHasher();

  it('a generated password carries 192 random bits', () => {
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(generatePassword()).not.toBe(generatePassword());
  });

  it('hashes with N=2^17, r=8, p=1 and a fresh salt, and verifies only the right password', async () => {
    const [first, second] = await Promise.all([
      hasher.hash('correct horse battery'),
      hasher.hash('correct horse battery'),
    ]);
    expect(first).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(await hasher.verify('correct horse battery', first)).toBe(true);
    expect(await hasher.verify('correct horse batterY', first)).toBe(false);
  }, 30_000);

  it('an unknown user (no hash) is checked against a dummy hash and never matches', async () => {
    expect(await hasher.verify('anything at all here', null)).toBe(false);
    expect(await hasher.verify('', 'not a hash')).toBe(false);
  }, 30_000);
});
