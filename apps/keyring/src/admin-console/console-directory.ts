/**
 * Where the built console lives: `dist/admin` at the repository's root, which
 * is beside the service's bundle (dist/apps/keyring/main.js) in a build and
 * four folders up from this file when running from source. ADMIN_CONSOLE_DIR
 * overrides both.
 */
import { join } from 'node:path';

export const ADMIN_CONSOLE_DIRECTORY = Symbol('ADMIN_CONSOLE_DIRECTORY');

export function adminConsoleDirectory(configured: string | null): string {
  if (configured !== null) return configured;
  return __filename.endsWith('.ts')
    ? join(__dirname, '../../../../dist/admin')
    : join(__dirname, '../../admin');
}
