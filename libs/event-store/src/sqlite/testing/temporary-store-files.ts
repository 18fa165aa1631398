import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary directory for the enclosing spec, removed after it; `next()`
 * names a fresh database file inside it. Call at the top of a spec or describe.
 */
export function temporaryStoreFiles(): { next(name?: string): string; readonly directory: string } {
  let directory: string | undefined;
  let count = 0;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'keyring-event-store-'));
  });
  afterAll(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });
  const current = (): string => {
    if (!directory) throw new Error('temporaryStoreFiles is only usable inside tests');
    return directory;
  };
  return {
    get directory() {
      return current();
    },
    next: (name = `store-${++count}`) => join(current(), `${name}.sqlite`),
  };
}
