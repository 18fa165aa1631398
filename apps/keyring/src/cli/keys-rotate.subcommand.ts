/** `keys rotate`: a new current signing key; the previous one stays published while its tokens live. */
import type { KeyringConfig } from '../platform/config/keyring-config';
import { rotateSigningKeys } from '../tokens/signing-keys/rotate-signing-keys';
import { printLine } from './cli-output';

export async function runKeysRotate(config: KeyringConfig, json: boolean): Promise<number> {
  const { tokens } = config;
  const rotated = await rotateSigningKeys(
    tokens.signingKeysFile,
    tokens.signingAlgorithm,
    new Date(),
    tokens.ttlSeconds,
  );
  if (json) {
    printLine(JSON.stringify(rotated));
    return 0;
  }
  printLine(`New current signing key: ${rotated.kid}`);
  if (rotated.retiredKid) {
    printLine(`Previous key ${rotated.retiredKid} stays published until the tokens it signed have expired.`);
  }
  printLine('A running service picks the new key up within a few seconds.');
  return 0;
}
