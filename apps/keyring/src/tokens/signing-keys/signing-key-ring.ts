/**
 * The signing keys as the service uses them: the current key to sign access
 * tokens, and the published public keys to verify them and serve as the
 * JWKS. `npm run cli -- keys rotate` rewrites the key ring file from another
 * process; the ring notices within about a second and reloads it, without a
 * restart. A file that cannot be loaded then leaves the previous keys in use.
 */
import * as fs from 'node:fs/promises';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { CryptoKey, JWK } from 'jose';
import type { Clock } from '../../platform/clock/clock';
import type { KeyringConfig } from '../../platform/config/keyring-config';
import {
  type ImportedKeyRing,
  importKeyRing,
  type SigningKey,
  type VerificationKey,
} from './import-key-ring';
import { readKeyRingFile } from './key-ring-file';
import { KeyRingFileError } from './key-ring-file-error';
import { ensureKeyRing } from './rotate-signing-keys';

export type SigningKeyRingSettings = Pick<
  KeyringConfig['tokens'],
  'signingKeysFile' | 'signingAlgorithm' | 'ttlSeconds'
>;

const RELOAD_CHECK_INTERVAL_MS = 1000;

@Injectable()
export class SigningKeyRing implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SigningKeyRing.name);
  private keys: ImportedKeyRing | null = null;
  /** Identifies the file as last seen, loaded or not, so a broken file is reported once, not every second. */
  private seenFileVersion: string | null = null;
  /** Reloads run one after another, so a slow one cannot overwrite the result of a later one. */
  private reloads: Promise<boolean> = Promise.resolve(false);
  private reloadTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly settings: SigningKeyRingSettings,
    private readonly clock: Clock,
  ) {}

  /** Creates the key ring on first start, loads it, and starts watching the file. */
  async onModuleInit(): Promise<void> {
    const { signingKeysFile, signingAlgorithm } = this.settings;
    await ensureKeyRing(signingKeysFile, signingAlgorithm, this.clock());
    this.seenFileVersion = await fileVersion(signingKeysFile);
    this.keys = await this.readKeys();
    this.reloadTimer = setInterval(() => void this.reloadIfChanged(), RELOAD_CHECK_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    this.reloadTimer = null;
  }

  /** The key that signs new tokens, and the `alg` and `kid` their header must name. */
  current(): SigningKey {
    return this.loaded().signing;
  }

  /** The public keys that verify tokens still in circulation, the current one first (RFC 7517 JWK Set). */
  jwks(): { keys: JWK[] } {
    return { keys: this.published().map((key) => key.publicJwk) };
  }

  /** The public key that verifies a token with this header; undefined for an unknown kid or another alg. */
  keyFor(header: { kid?: string; alg?: string }): CryptoKey | undefined {
    const key = this.published().find(({ kid }) => kid === header.kid);
    return key && key.alg === header.alg ? key.key : undefined;
  }

  /** Reloads the key ring if its file changed since last seen; true when new keys are in use. */
  reloadIfChanged(): Promise<boolean> {
    this.reloads = this.reloads.then(() => this.reloadNowIfChanged());
    return this.reloads;
  }

  private async reloadNowIfChanged(): Promise<boolean> {
    const version = await fileVersion(this.settings.signingKeysFile);
    if (version === this.seenFileVersion) return false;
    this.seenFileVersion = version;
    let keys: ImportedKeyRing;
    try {
      keys = await this.readKeys();
    } catch (error) {
      // Only the reason: the key ring's own errors never quote the file's contents.
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Signing keys not reloaded, the previous keys stay in use. ${reason}`);
      return false;
    }
    this.keys = keys;
    this.logger.log(`Signing keys reloaded; the current key is ${keys.signing.kid}`);
    return true;
  }

  private async readKeys(): Promise<ImportedKeyRing> {
    const { signingKeysFile, ttlSeconds } = this.settings;
    const ring = await readKeyRingFile(signingKeysFile);
    if (!ring) throw new KeyRingFileError(signingKeysFile, 'it does not exist');
    return importKeyRing(ring, signingKeysFile, ttlSeconds);
  }

  private published(): readonly VerificationKey[] {
    const now = this.clock().getTime();
    return this.loaded().verification.filter((key) => now <= key.publishedUntil);
  }

  private loaded(): ImportedKeyRing {
    if (!this.keys) throw new Error('The signing key ring is used before the module has initialised');
    return this.keys;
  }
}

/** Changes whenever the file is replaced (new inode) or rewritten in place (size, mtime). */
async function fileVersion(file: string): Promise<string> {
  try {
    const { ino, size, mtimeMs } = await fs.stat(file);
    return `${ino}:${size}:${mtimeMs}`;
  } catch (error) {
    return `unavailable:${(error as NodeJS.ErrnoException).code}`;
  }
}
