/**
 * Where the gRPC contract lives: beside the bundle in a build (webpack
 * copies it to dist/apps/keyring/proto), in the repository's proto/ folder
 * when running from source.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CREDENTIALS_PACKAGE = 'credentials.v1';
const RELATIVE_PATH = 'proto/credentials/v1/credentials.proto';

export function credentialsProtoFile(): string {
  const bundled = join(__dirname, RELATIVE_PATH);
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return bundled;
  return join(__dirname, '../../../../..', RELATIVE_PATH);
}

/** How messages look in JavaScript on both ends: camelCase fields, enum names, numbers for uint64. */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;
