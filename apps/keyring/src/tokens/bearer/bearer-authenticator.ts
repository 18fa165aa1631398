/**
 * The one rule for callers of the management interfaces, REST and gRPC: an
 * active access token from this service, whose credential — as it is now, so
 * a revocation or a removed role takes effect at once — holds one of the
 * required roles. The credential's current accounts become the caller's reach.
 */
import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '../access-token-verifier';
import { bearerToken } from './bearer-token';
import { authenticationRequired, invalidToken, roleRequired } from './bearer-refusals';
import type { Caller } from '../../platform/context/caller';

@Injectable()
export class BearerAuthenticator {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  /** The caller an `Authorization` value proves, when its credential holds one of `roles`. */
  async callerWithRole(authorization: string | undefined, roles: readonly string[]): Promise<Caller> {
    const token = bearerToken(authorization);
    if (!token) throw authenticationRequired();
    const active = await this.verifier.active(token);
    if (!active) throw invalidToken();
    const { credential } = active;
    if (!credential.roles.some((role) => roles.includes(role))) throw roleRequired(roles);
    return { clientId: credential.clientId, accounts: credential.accounts, roles: credential.roles };
  }
}
