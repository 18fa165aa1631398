/** Ids in gRPC requests: absent is INVALID_ARGUMENT; anything but one of our UUIDs names nothing (NOT_FOUND), as on REST. */
import { parseClientId, parseJti, parseSecretId } from '@keyring/domain';
import { invalidFields } from '../http/validation-problems';

function required(value: string, field: string): string {
  if (value === '') throw invalidFields([{ field, message: `${field} is required` }]);
  return value;
}

export const clientIdOf = (value: string): string => parseClientId(required(value, 'client_id'));
export const secretIdOf = (value: string): string => parseSecretId(required(value, 'secret_id'));
export const jtiOf = (value: string): string => parseJti(required(value, 'jti'));
