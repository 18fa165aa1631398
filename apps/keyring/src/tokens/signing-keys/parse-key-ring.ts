/**
 * Checks a key ring file's contents before any key is used. Problems are
 * described by position and expectation only: the file holds private keys,
 * so no value from it ever reaches a message.
 */
import type { SigningAlgorithm } from '../../platform/config/keyring-config';
import { KEY_RING_FORMAT_VERSION, type KeyRing } from './key-ring';
import { KeyRingFileError } from './key-ring-file-error';

/** The key type, curve and members a private JWK of each algorithm carries. */
const PRIVATE_JWK_SHAPES: Record<SigningAlgorithm, { kty: string; crv: string; members: readonly string[] }> =
  {
    ES256: { kty: 'EC', crv: 'P-256', members: ['x', 'y', 'd'] },
    EdDSA: { kty: 'OKP', crv: 'Ed25519', members: ['x', 'd'] },
  };

export function parseKeyRing(text: string, file: string): KeyRing {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text near the error, which may be key material.
    throw new KeyRingFileError(file, 'it is not valid JSON');
  }
  const problem = keyRingProblem(json);
  if (problem) throw new KeyRingFileError(file, problem);
  return json as KeyRing;
}

function keyRingProblem(json: unknown): string | null {
  if (!isRecord(json)) return 'it is not a JSON object';
  if (json.version !== KEY_RING_FORMAT_VERSION) return `its "version" is not ${KEY_RING_FORMAT_VERSION}`;
  const { keys } = json;
  if (!Array.isArray(keys) || keys.length === 0) return 'its "keys" is not a non-empty array';
  for (const [index, key] of keys.entries()) {
    const problem = keyProblem(key);
    if (problem) return `keys[${index}] ${problem}`;
  }
  const kids = new Set(keys.map((key: Record<string, unknown>) => key.kid));
  if (kids.size !== keys.length) return 'two keys have the same "kid"';
  const currentKeys = keys.filter((key: Record<string, unknown>) => key.retiredAt === null).length;
  if (currentKeys !== 1)
    return `${currentKeys} keys have "retiredAt": null, where exactly one must (the current key)`;
  return null;
}

function keyProblem(key: unknown): string | null {
  if (!isRecord(key)) return 'is not an object';
  if (typeof key.kid !== 'string' || key.kid === '') return 'has no "kid"';
  if (key.alg !== 'ES256' && key.alg !== 'EdDSA') return 'has an "alg" other than "ES256" or "EdDSA"';
  if (!isTimestamp(key.createdAt)) return 'has a "createdAt" that is not an ISO 8601 time';
  if (key.retiredAt !== null && !isTimestamp(key.retiredAt)) {
    return 'has a "retiredAt" that is neither null nor an ISO 8601 time';
  }
  if (!isPrivateJwk(key.privateJwk, key.alg))
    return `has a "privateJwk" that is not an ${key.alg} private key`;
  return null;
}

function isPrivateJwk(jwk: unknown, alg: SigningAlgorithm): boolean {
  const shape = PRIVATE_JWK_SHAPES[alg];
  return (
    isRecord(jwk) &&
    jwk.kty === shape.kty &&
    jwk.crv === shape.crv &&
    shape.members.every((member) => typeof jwk[member] === 'string' && jwk[member] !== '')
  );
}

function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
