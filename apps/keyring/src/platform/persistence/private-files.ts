/**
 * Whatever the process creates is readable by its own user only: the umask
 * covers files no opener names a mode for (SQLite's temporary files, a file a
 * library writes), beside the explicit 0600/0700 of every data file.
 */
import { isMainThread } from 'node:worker_threads';

/** Group and others get nothing on files and directories created from now on (worker threads share it). */
export function createFilesPrivately(): void {
  if (isMainThread) process.umask(0o077);
}
