/**
 * Files under the data directory hold secret hashes, token records and the
 * audit trail: they are created readable by the service's user only (0600),
 * in directories only it can enter (0700), whatever the process umask.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** SQLite's companions of a database file. */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

function chmodIfPresent(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates the directory (and its missing parents) 0700, and narrows it to 0700 if it was wider. */
export function preparePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  chmodSync(directory, PRIVATE_DIRECTORY_MODE);
}

/**
 * Makes a SQLite file 0600 before it is opened: created empty if missing (SQLite takes an empty file as
 * a new database), narrowed if it exists. SQLite gives the -wal and -shm files it creates later the
 * database file's own mode; any left from before are narrowed too.
 */
export function preparePrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
  for (const suffix of COMPANION_SUFFIXES) chmodIfPresent(`${file}${suffix}`, PRIVATE_FILE_MODE);
}
