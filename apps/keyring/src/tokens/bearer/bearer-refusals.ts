/** Why a caller of the management interfaces is turned away, REST and gRPC alike. */
import { Refusal } from '@keyring/domain';

export const authenticationRequired = (): Refusal<'AUTHENTICATION_REQUIRED'> =>
  new Refusal(
    'AUTHENTICATION_REQUIRED',
    'Send an access token from this service: authorization: Bearer <token>',
  );

export const invalidToken = (): Refusal<'INVALID_TOKEN'> =>
  new Refusal(
    'INVALID_TOKEN',
    'The access token is expired, revoked, malformed or not issued by this service; get a new one',
  );

export const addressNotAllowed = (sourceIp: string): Refusal<'IP_NOT_ALLOWED'> =>
  new Refusal(
    'IP_NOT_ALLOWED',
    `This credential's tokens are not accepted from ${sourceIp}; use them from an address in its allowedIps`,
  );

export const roleRequired = (roles: readonly string[]): Refusal<'ROLE_REQUIRED'> =>
  new Refusal('ROLE_REQUIRED', `This call needs a credential holding the role ${roles.join(' or ')}`);
