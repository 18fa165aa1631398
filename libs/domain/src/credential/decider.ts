/**
 * The credential decider: `decide` turns a command into events or a refusal,
 * `evolve` folds events into state, `initialState` is a credential not yet
 * created. Time and policy are arguments, so the whole thing is pure.
 */
import { decide } from './decide';
import { evolve } from './evolve';
import { initialCredentialState } from './state';

export { decide } from './decide';
export { type BatchDecision, decideBatch } from './decide-batch';
export { evolve, fold } from './evolve';
export { type CredentialPolicy, DEFAULT_POLICY, grantableApis, grantableRoles } from './policy';

export const credentialDecider = { decide, evolve, initialState: initialCredentialState } as const;
