/**
 * What a command did: the events to record and, when it was refused, why.
 * A refusal changes no state, but a refused token request is still recorded
 * (TokenRequestRefused), so the audit trail shows failed access attempts.
 */
import type { Refusal } from '../refusal/refusal';
import type { CredentialRefusalCode } from '../refusal/refusal-code';
import type { CredentialEvent, TokenRequestRefused } from './events';

export type CredentialRefusal = Refusal<CredentialRefusalCode>;

export type Decision =
  | { readonly events: CredentialEvent[]; readonly refusal: null }
  | { readonly events: TokenRequestRefused[]; readonly refusal: CredentialRefusal };

/** Carried out: `events` record the change; none means there was nothing to change. */
export const accepted = (events: CredentialEvent[]): Decision => ({ events, refusal: null });

export const refused = (refusal: CredentialRefusal, recorded: TokenRequestRefused[] = []): Decision => ({
  events: recorded,
  refusal,
});
