/**
 * The oldest server Keyring runs on. Stream reads report each event's $all
 * position only from 22.6 (older servers send ulong.MaxValue), and the
 * adapter relies on those positions; servers without a ServerFeatures service
 * (before 21.10) report no version and are older still.
 */
export const MINIMUM_SERVER_VERSION = { major: 22, minor: 6 } as const;

/** The server is too old (or says nothing of its version) for the positions Keyring relies on. */
export class UnsupportedServerVersionError extends Error {
  readonly code = 'EVENT_STORE_VERSION_UNSUPPORTED';

  constructor(readonly reported: string) {
    super(
      `EventStoreDB ${reported === 'unknown' ? 'older than 21.10' : reported} is too old: Keyring needs ` +
        `EventStoreDB or KurrentDB ${MINIMUM_SERVER_VERSION.major}.${MINIMUM_SERVER_VERSION.minor} or later, ` +
        'whose stream reads report each event’s $all position; upgrade the server (24.10 is tested)',
    );
    this.name = 'UnsupportedServerVersionError';
  }
}

/** Throws unless `reported` ("24.10.0.0", "22.6.0", …) is at least the minimum. */
export function assertSupportedServerVersion(reported: string): void {
  const match = /^v?(\d+)\.(\d+)/.exec(reported.trim());
  if (!match) throw new UnsupportedServerVersionError(reported);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const { major: minMajor, minor: minMinor } = MINIMUM_SERVER_VERSION;
  if (major < minMajor || (major === minMajor && minor < minMinor)) {
    throw new UnsupportedServerVersionError(reported);
  }
}
