/**
 * A snapshot is trusted only if it carries a MAC (HMAC-SHA-256) under a key
 * derived from the pepper (HKDF), so write access to the snapshot file alone
 * cannot forge a credential's state — an extra secret hash, the admin role.
 * The key is derived rather than the pepper reused, so the two uses never
 * share a key.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const KEY_BYTES = 32;
const SALT = 'keyring';
const INFO = 'credential-snapshot-mac/v1';

/** What a snapshot's MAC covers: every column but the MAC itself. */
export interface SealedSnapshotFields {
  readonly clientId: string;
  readonly stateVersion: number;
  readonly revision: number;
  readonly eventId: string;
  /** The state as stored (JSON text). */
  readonly state: string;
}

export class SnapshotMac {
  private constructor(private readonly key: Buffer) {}

  static fromPepper(pepper: Buffer): SnapshotMac {
    return new SnapshotMac(Buffer.from(hkdfSync('sha256', pepper, SALT, INFO, KEY_BYTES)));
  }

  of(fields: SealedSnapshotFields): string {
    // Length-prefixed, so no two different rows encode to the same bytes.
    const parts = [
      fields.clientId,
      String(fields.stateVersion),
      String(fields.revision),
      fields.eventId,
      fields.state,
    ];
    const hmac = createHmac('sha256', this.key);
    for (const part of parts) hmac.update(`${Buffer.byteLength(part)}:`).update(part);
    return hmac.digest('hex');
  }

  /** Constant-time: a forger learns nothing from how long a wrong MAC took to refuse. */
  verifies(fields: SealedSnapshotFields, mac: string | null): boolean {
    if (mac === null) return false;
    const expected = Buffer.from(this.of(fields), 'hex');
    const given = Buffer.from(mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
