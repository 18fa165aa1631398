/** Legacy API users: Basic authentication until its retirement, and the way off it. */
export * from './fields';
export * from './events';
export * from './state';
export * from './commands';
export * from './refusals';
export * from './retirement';
export { decideApiUser, BASIC_USE_RECORD_INTERVAL_MS } from './decide';
export { evolveApiUser, foldApiUser } from './evolve';
export { authenticateBasic, type BasicAuthentication } from './basic-authentication';
