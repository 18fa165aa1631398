/** @keyring/domain — the credential's rules as pure functions over plain data. */
export * from './credential/fields';
export * from './credential/commands';
export * from './credential/events';
export * from './refusal/refusal';
export * from './refusal/refusal-code';
export { type Decision, type CredentialRefusal } from './credential/decision';
export * from './credential/state';
export * from './credential/decider';
export { validateCredentialFields, validateChanges } from './credential/validation';
export { eventApplies, KEPT_REVOKED_TOKENS } from './credential/evolve';
export { accountsAfter } from './credential/accounts-after';
export { isoFromEpoch, epochFromIso } from './credential/time';
export type { SameKeys, Assert } from './same-keys';
export { isIpOrCidr, normalizeIpOrCidr, ipOrCidrProblem, isIpAllowed } from './credential/ip-rules';
export {
  secretStatus,
  activeSecrets,
  activeTokens,
  isTokenActive,
  secondsUntilOldestActiveTokenExpires,
} from './credential/queries';
export { upcastCredentialEvent } from './credential/upcast';
export {
  REFUSED_SCOPE_KEPT_CHARACTERS,
  type RefusedTokenRequest,
  type CountedRefusals,
  tokenRequestRefused,
  tokenRequestRefusalsCounted,
} from './credential/refusal-records';
export { PointInTimeFold, effectiveAt, affectsAccess } from './credential/point-in-time';
export {
  authenticateClient,
  type ClientAuthentication,
  type ClientAuthenticationRefusal,
} from './credential/client-authentication';
export {
  type AccountReach,
  UNLIMITED_REACH,
  reachesEveryAccount,
  withinReach,
  outOfReach,
  accountOutOfReach,
  assertWithinReach,
} from './credential/account-reach';
export { UUID_PATTERN, parseClientId, parseJti, parseSecretId } from './credential/ids';
export { credentialNotFound } from './credential/refusals';
export {
  CLIENT_SECRET_PREFIX,
  SECRET_WITHHELD,
  carriesSecret,
  excerpt,
  quoted,
  withoutSecrets,
} from './credential/echo';
export * from './api-user';
