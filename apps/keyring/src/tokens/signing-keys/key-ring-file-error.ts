/** A key ring file that cannot be used. The message names the file and the problem, never key material. */
export class KeyRingFileError extends Error {
  readonly code = 'SIGNING_KEY_RING_INVALID';

  constructor(file: string, problem: string) {
    super(
      `Signing key ring ${file} cannot be used: ${problem}. Restore it from a backup; do not edit it by hand.`,
    );
    this.name = 'KeyRingFileError';
  }
}
