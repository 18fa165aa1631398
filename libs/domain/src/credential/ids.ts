/**
 * Client and secret ids and jtis are UUIDs the service made; anything else names no
 * credential or secret, so it is answered as not found without a store read.
 */
import { Refusal } from '../refusal/refusal';
import { credentialNotFound } from './refusals';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseClientId(value: string): string {
  if (!UUID_PATTERN.test(value)) throw credentialNotFound();
  return value.toLowerCase();
}

/** Our jtis are UUIDs too; anything else names no token. */
export function parseJti(value: string): string {
  if (!UUID_PATTERN.test(value)) throw new Refusal('TOKEN_NOT_FOUND', 'No token with that jti');
  return value.toLowerCase();
}

export function parseSecretId(value: string): string {
  if (!UUID_PATTERN.test(value)) throw new Refusal('SECRET_NOT_FOUND', 'No secret with that secret id');
  return value.toLowerCase();
}
