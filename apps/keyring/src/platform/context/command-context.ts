import { type AccountReach, carriesSecret } from '@keyring/domain';

/** Who asked for a change and through which request; recorded as every event's metadata. */
export interface Actor {
  readonly type: 'client' | 'cli' | 'anonymous';
  /** The acting client's id (or the CLI's operator name); null when anonymous. */
  readonly id: string | null;
  /** The person the actor works for, e.g. the user of an admin UI (X-On-Behalf-Of). */
  readonly onBehalfOf: string | null;
}

export interface CommandContext {
  readonly actor: Actor;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly correlationId: string;
  /** The accounts the caller may see and manage; not recorded, it bounds what the command may touch. */
  readonly reach: AccountReach;
  /** Answer only once the read models show the change, so the caller's next read sees it. */
  readonly readYourWrites?: boolean;
}

export interface EventMetadata {
  readonly schemaVersion: number;
  readonly actor: Actor;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly occurredAt: string;
  readonly correlationId: string;
  /** The command that caused the event. */
  readonly causationId: string;
}

/**
 * Header and metadata values copied into events must be short and printable, and never a client
 * secret sent in the wrong header; anything else is dropped.
 */
const COPYABLE_VALUE = /^[\x20-\x7E]{1,200}$/;

export const copyableValue = (value: unknown): string | null =>
  typeof value === 'string' && COPYABLE_VALUE.test(value) && !carriesSecret(value) ? value : null;

/** What an edge (REST or gRPC) knows of a call, before it is a command's context. */
export interface CallOrigin {
  /** The authenticated caller; null when none is (the token grant authenticates by client secret). */
  readonly caller: { readonly clientId: string; readonly accounts: readonly string[] } | null;
  readonly requestId: string;
  readonly sourceIp: string;
  /** The x-on-behalf-of value as sent, and the x-correlation-id value as sent. */
  readonly onBehalfOf: unknown;
  readonly correlationId: unknown;
}

/**
 * The one rule of both edges: the caller acts, for the person named on behalf of; no caller reaches
 * nothing; the correlation id defaults to the request id; the response waits to show the change.
 */
export function callerCommandContext(origin: CallOrigin): CommandContext {
  const { caller, requestId } = origin;
  const onBehalfOf = copyableValue(origin.onBehalfOf);
  return {
    actor: caller
      ? { type: 'client', id: caller.clientId, onBehalfOf }
      : { type: 'anonymous', id: null, onBehalfOf },
    requestId,
    sourceIp: origin.sourceIp,
    correlationId: copyableValue(origin.correlationId) ?? requestId,
    reach: { accounts: caller?.accounts ?? [] },
    readYourWrites: true,
  };
}
