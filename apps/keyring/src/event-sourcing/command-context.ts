import type { AccountReach } from '../auth/account-reach';

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
