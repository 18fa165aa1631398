/**
 * Files of derived data (the read models and audit log, the snapshots) are
 * checked at start like the event store, but a file that fails is not
 * refused: it is deleted, and rebuilt from the event store.
 */
import { existsSync, rmSync } from 'node:fs';
import type { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';

/** Deletes `file` (and its WAL) when it is not a SQLite database or fails `PRAGMA quick_check`; says why. */
export function discardDerivedFileIfDamaged(
  file: string,
  description: string,
  logger: Pick<Logger, 'warn'>,
): boolean {
  if (!existsSync(file)) return false;
  const problem = damageOf(file);
  if (problem === null) return false;
  for (const part of [file, `${file}-wal`, `${file}-shm`]) rmSync(part, { force: true });
  logger.warn(
    `${description} ${file} failed its check (${problem}); it holds only derived data, so it was deleted ` +
      'and is being rebuilt from the event store',
  );
  return true;
}

function damageOf(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const findings = db.prepare<[], string>('PRAGMA quick_check(5)').pluck().all();
    return findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}
