/** The contract's enums ⇄ the values REST and the domain use (`PRODUCTION` ⇄ `production`). */
import type { SecretStatus } from '@keyring/domain';

const UNSPECIFIED = /_UNSPECIFIED$/;

/**
 * A request's enum value in the domain's words; unspecified = not given. A
 * number the contract does not define arrives as that number, and is passed
 * on as text for validation to refuse.
 */
export const fromProtoEnum = (value: string | number | undefined): string | undefined => {
  if (typeof value === 'number') return String(value);
  return value === undefined || UNSPECIFIED.test(value) ? undefined : value.toLowerCase();
};

export const toProtoEnum = (value: string): string => value.toUpperCase();

/** Secret statuses carry a prefix in the contract, as proto3 enum values share one namespace. */
export const toProtoSecretStatus = (value: SecretStatus): string => `SECRET_${value.toUpperCase()}`;
