/** The authenticated caller of the management API, as the bearer guard found it. */
import type { AccountReach } from '@keyring/domain';

export interface Caller extends AccountReach {
  readonly clientId: string;
  readonly roles: readonly string[];
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the bearer guard on `/v1` routes. */
    caller?: Caller;
  }
}
