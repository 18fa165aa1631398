/**
 * The pepper keys every secret hash. It comes from KEYRING_SECRET_PEPPER or,
 * on first start, is generated into the data directory readable only by the
 * service's user. Losing it invalidates every stored secret hash.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { preparePrivateDirectory } from '@keyring/event-store';

export const PEPPER_FILE_NAME = 'secret-pepper';
/** The pepper as a provider: the secret hasher keys with it, the snapshot MAC with a key derived from it. */
export const SECRET_PEPPER = Symbol('SECRET_PEPPER');
const PEPPER_BYTES = 32;

export function loadOrCreatePepper(configured: string | null, dataDir: string): Buffer {
  if (configured !== null) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir, PEPPER_FILE_NAME);
  preparePrivateDirectory(dataDir);
  try {
    // 'wx' fails if the file exists, so two processes starting at once cannot overwrite each other's pepper.
    fs.writeFileSync(file, randomBytes(PEPPER_BYTES).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const encoded = fs.readFileSync(file, 'utf8').trim();
  const pepper = Buffer.from(encoded, 'base64url');
  if (pepper.length < PEPPER_BYTES) {
    throw new Error(`${file} does not hold a ${PEPPER_BYTES}-byte pepper; restore it from backup`);
  }
  return pepper;
}
