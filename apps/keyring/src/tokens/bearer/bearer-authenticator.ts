/**
 * The one rule for callers of the management interfaces, REST and gRPC: an
 * active access token from this service, whose credential — as it is now, so
 * a revocation or a removed role takes effect at once — holds one of the
 * required roles. The credential's current accounts become the caller's reach.
 */
import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '../access-token-verifier';
import { bearerToken } from './bearer-token';
import type { Caller } from '../../platform/context/caller';

export type BearerRefusalReason = 'AUTHENTICATION_REQUIRED' | 'INVALID_TOKEN' | 'ROLE_REQUIRED';

const REFUSAL_MESSAGES: Readonly<Record<BearerRefusalReason, string>> = {
  AUTHENTICATION_REQUIRED: 'Send an access token from this service: authorization: Bearer <token>',
  INVALID_TOKEN:
    'The access token is expired, revoked, malformed or not issued by this service; get a new one',
  ROLE_REQUIRED: 'This call needs a credential holding the role',
};

export class BearerRefusal extends Error {
  constructor(
    readonly reason: BearerRefusalReason,
    readonly requiredRoles: readonly string[] = [],
  ) {
    super(
      reason === 'ROLE_REQUIRED'
        ? `${REFUSAL_MESSAGES.ROLE_REQUIRED} ${requiredRoles.join(' or ')}`
        : REFUSAL_MESSAGES[reason],
    );
    this.name = 'BearerRefusal';
  }
}

@Injectable()
export class BearerAuthenticator {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  /** The caller an `Authorization` value proves, when its credential holds one of `roles`. */
  async callerWithRole(authorization: string | undefined, roles: readonly string[]): Promise<Caller> {
    const token = bearerToken(authorization);
    if (!token) throw new BearerRefusal('AUTHENTICATION_REQUIRED');
    const active = await this.verifier.active(token);
    if (!active) throw new BearerRefusal('INVALID_TOKEN');
    const { credential } = active;
    if (!credential.roles.some((role) => roles.includes(role)))
      throw new BearerRefusal('ROLE_REQUIRED', roles);
    return { clientId: credential.clientId, accounts: credential.accounts, roles: credential.roles };
  }
}
