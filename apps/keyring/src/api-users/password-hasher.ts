/**
 * API user passwords are chosen by people, so unlike client secrets they get
 * a slow, salted hash: scrypt with OWASP's parameters (N=2^17, r=8, p=1,
 * 128 MiB per hash), run on libuv's pool so the event loop stays free. The
 * parameters travel in the stored string, so they can be raised later.
 * Verification compares in constant time, and a username that does not
 * exist is checked against a dummy hash: the same work, the same time.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PASSWORD_LIMITS } from '@keyring/domain';

const LOG2_N = 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** A generated password: 24 random bytes, 192 bits, as 32 base64url characters. */
export const generatePassword = (): string => randomBytes(24).toString('base64url');

function derive(
  password: string,
  salt: Buffer,
  keyLength: number,
  [log2N, r, p]: readonly number[],
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      // 128 · N · r bytes are needed; Node's default limit (32 MiB) is below OWASP's 128 MiB.
      { N: 2 ** log2N, r, p, maxmem: 2 * 128 * 2 ** log2N * r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await derive(password, salt, KEY_LENGTH, [LOG2_N, BLOCK_SIZE, PARALLELISM]);
    return `$scrypt$ln=${LOG2_N},r=${BLOCK_SIZE},p=${PARALLELISM}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** Whether `password` matches `stored`; null `stored` (no such user) costs the same and is false. */
  async verify(password: string, stored: string | null): Promise<boolean> {
    const parsed = stored === null ? null : FORMAT.exec(stored);
    const against = parsed ?? FORMAT.exec(await this.dummyHash())!;
    const [, log2N, r, p, salt, expected] = against;
    // Longer passwords than any we accept are not hashed at all, whoever they are for.
    const candidate = password.length > PASSWORD_LIMITS.maxLength ? '' : password;
    const expectedKey = Buffer.from(expected, 'base64url');
    const parameters = [log2N, r, p].map(Number);
    const key = await derive(candidate, Buffer.from(salt, 'base64url'), expectedKey.length, parameters);
    const same = timingSafeEqual(key, expectedKey);
    return parsed !== null && same && candidate === password;
  }

  private dummyHash(): Promise<string> {
    return (this.dummy ??= this.hash(generatePassword()));
  }
}
