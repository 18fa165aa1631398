/** The API user's refusals, each with a sentence the caller can act on. */
import type { FieldViolation } from '../refusal/refusal';
import { Refusal } from '../refusal/refusal';

/** Missing, deleted and out of reach alike: nothing tells a caller which. */
export const apiUserNotFound = (): Refusal<'API_USER_NOT_FOUND'> =>
  new Refusal('API_USER_NOT_FOUND', 'No such API user');

export const apiUserAlreadyExists = (username: string): Refusal<'API_USER_ALREADY_EXISTS'> =>
  new Refusal(
    'API_USER_ALREADY_EXISTS',
    `An API user named ${username} exists or existed; usernames are never reused, choose another`,
  );

export const apiUserAlreadyMigrated = (clientId: string): Refusal<'API_USER_ALREADY_MIGRATED'> =>
  new Refusal(
    'API_USER_ALREADY_MIGRATED',
    `This API user was already migrated to client credential ${clientId}; manage that credential instead`,
  );

export const apiUserValidationFailed = (
  violations: readonly FieldViolation[],
): Refusal<'VALIDATION_FAILED'> =>
  new Refusal('VALIDATION_FAILED', 'The API user request is not valid', { violations });

export const basicAuthRetired = (retiresAt: string): Refusal<'BASIC_AUTH_RETIRED'> =>
  new Refusal(
    'BASIC_AUTH_RETIRED',
    `Basic authentication was retired at ${retiresAt}; migrate the API user to a client credential ` +
      '(POST /v1/api-users/{username}/migrate) and request tokens with the client-credentials grant',
  );
