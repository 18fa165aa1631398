/**
 * Rotation: a new key becomes current, the old one is retired but stays
 * published for as long as tokens it signed can still be accepted, and keys
 * past that are dropped. Run by `npm run cli -- keys rotate` while the
 * service runs; the service picks the new file up by itself.
 */
import type { SigningAlgorithm } from '../../platform/config/keyring-config';
import { generateSigningKey } from './generate-signing-key';
import {
  currentKey,
  isPublished,
  KEY_RING_FORMAT_VERSION,
  type KeyRing,
  type StoredSigningKey,
} from './key-ring';
import { createKeyRingFile, readKeyRingFile, writeKeyRingFile } from './key-ring-file';

export interface RotatedSigningKeys {
  /** The new current key. */
  readonly kid: string;
  /** The key it replaced; null when there was no key ring yet. */
  readonly retiredKid: string | null;
}

/** `ring` with `newKey` current (listed first) and the keys no token can still need dropped. */
export function rotateKeyRing(
  ring: KeyRing,
  newKey: StoredSigningKey,
  now: Date,
  maxTokenTtlSeconds: number,
): KeyRing {
  const retiredAt = now.toISOString();
  const previousKeys = ring.keys
    .map((key) => (key.retiredAt === null ? { ...key, retiredAt } : key))
    .filter((key) => isPublished(key, now, maxTokenTtlSeconds));
  return { version: KEY_RING_FORMAT_VERSION, keys: [{ ...newKey, retiredAt: null }, ...previousKeys] };
}

export async function rotateSigningKeys(
  file: string,
  alg: SigningAlgorithm,
  now: Date,
  maxTokenTtlSeconds: number,
): Promise<RotatedSigningKeys> {
  const newKey = await generateSigningKey(alg, now);
  const ring = await readKeyRingFile(file);
  if (!ring) {
    await writeKeyRingFile(file, singleKeyRing(newKey));
    return { kid: newKey.kid, retiredKid: null };
  }
  await writeKeyRingFile(file, rotateKeyRing(ring, newKey, now, maxTokenTtlSeconds));
  return { kid: newKey.kid, retiredKid: currentKey(ring).kid };
}

/** The key ring in `file`, created with one new key on first start. */
export async function ensureKeyRing(file: string, alg: SigningAlgorithm, now: Date): Promise<KeyRing> {
  const existing = await readKeyRingFile(file);
  if (existing) return existing;
  const ring = singleKeyRing(await generateSigningKey(alg, now));
  // Another process may have created it meanwhile; then its key is the one every process uses.
  if (await createKeyRingFile(file, ring)) return ring;
  const created = await readKeyRingFile(file);
  if (!created) throw new Error(`Signing key ring ${file} vanished while being created`);
  return created;
}

function singleKeyRing(key: StoredSigningKey): KeyRing {
  return { version: KEY_RING_FORMAT_VERSION, keys: [key] };
}
