/**
 * The one refusal type of the service: a stable code, a message the caller
 * can act on, and what a client needs to fix or retry the request. The
 * domain, the application and every edge throw it; each edge maps its code
 * through one table.
 */
import type { RefusalCode } from './refusal-code';

export interface FieldViolation {
  /** Path of the offending field, e.g. `accounts[2]` or `credentials[1].name`. */
  readonly field: string;
  readonly message: string;
}

export interface RefusalDetails {
  readonly violations?: readonly FieldViolation[];
  /** Seconds after which the same request may succeed (TOKEN_LIMIT_REACHED, a throttle, CONCURRENCY_CONFLICT). */
  readonly retryAfterSeconds?: number;
}

export class Refusal<Code extends RefusalCode = RefusalCode> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details: RefusalDetails = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const isRefusal = (value: unknown): value is Refusal => value instanceof Refusal;
