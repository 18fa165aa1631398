/**
 * Writes a file whole or not at all: into a temporary file beside it, then
 * renamed over it. A failed or interrupted write leaves the target as it
 * was, never half an export that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import { cleanUpOnTermination } from './terminating-signals';

/** Resolves once the chunk is handed over; waits for the disk when the stream's buffer is full. */
export type ChunkWriter = (chunk: string) => Promise<void>;

async function assertDirectoryExists(directory: string): Promise<void> {
  const found = await stat(directory).catch(() => null);
  if (!found?.isDirectory()) throw new Error(`Directory ${directory} does not exist; create it first`);
}

function temporaryPathBeside(target: string): string {
  // Same directory, so the rename stays on one file system and is atomic.
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
}

async function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  await once(stream, 'close');
}

export async function writeFileAtomically<Result>(
  target: string,
  produce: (write: ChunkWriter) => Promise<Result>,
): Promise<Result> {
  const path = resolve(target);
  await assertDirectoryExists(dirname(path));
  const temporary = temporaryPathBeside(path);
  // flush: fsync before close, so the renamed file is on disk and not only in the page cache.
  // 0600: an export holds the audit trail (who reached which account), for its operator alone.
  const stream = createWriteStream(temporary, { flags: 'wx', flush: true, mode: 0o600 });
  let failure: Error | null = null;
  // A listener at all times: an error between writes would otherwise crash the process.
  stream.on('error', (error) => (failure ??= error));
  const write: ChunkWriter = async (chunk) => {
    if (failure) throw failure;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  const releaseSignals = cleanUpOnTermination(() => rmSync(temporary, { force: true }));
  try {
    const result = await produce(write);
    stream.end();
    await closed(stream);
    if (failure) throw failure;
    await rename(temporary, path);
    return result;
  } catch (error) {
    stream.destroy();
    await closed(stream).catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  } finally {
    releaseSignals();
  }
}
