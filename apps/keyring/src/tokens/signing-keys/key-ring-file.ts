/**
 * Reads and writes the key ring file. A write never leaves a half-written
 * file behind, because the running service re-reads the file whenever it
 * changes: the content goes to a temporary file in the same directory,
 * readable only by its owner, is flushed to disk, and then replaces (or, on
 * first creation, is linked to) the real name in one step.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { KeyRing } from './key-ring';
import { KeyRingFileError } from './key-ring-file-error';
import { parseKeyRing } from './parse-key-ring';

const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

/** The key ring in `file`; null when there is no such file. */
export async function readKeyRingFile(file: string): Promise<KeyRing | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KeyRingFileError(
      file,
      `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    );
  }
  return parseKeyRing(text, file);
}

/** Replaces `file` with `ring` atomically. */
export async function writeKeyRingFile(file: string, ring: KeyRing): Promise<void> {
  const temporary = await writeTemporaryFile(file, ring);
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/**
 * Creates `file` holding `ring` unless it already exists; true when it did.
 * Two processes starting at once therefore agree on one first key.
 */
export async function createKeyRingFile(file: string, ring: KeyRing): Promise<boolean> {
  const temporary = await writeTemporaryFile(file, ring);
  try {
    // Unlike rename, link fails when the target exists.
    await fs.link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(temporary, { force: true });
  }
  await syncDirectory(path.dirname(file));
  return true;
}

async function writeTemporaryFile(file: string, ring: KeyRing): Promise<string> {
  const directory = path.dirname(file);
  await fs.mkdir(directory, { recursive: true, mode: DIRECTORY_MODE });
  const temporary = path.join(directory, `.${path.basename(file)}.${randomUUID()}.tmp`);
  const handle = await fs.open(temporary, 'wx', FILE_MODE);
  try {
    // The process umask could only narrow the mode; set it outright all the same.
    await handle.chmod(FILE_MODE);
    await handle.writeFile(`${JSON.stringify(ring, null, 2)}\n`, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  return temporary;
}

/** Makes the new directory entry itself survive a crash. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
