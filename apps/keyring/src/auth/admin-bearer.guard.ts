/**
 * Guards the management API: the caller presents an active access token from
 * this service, and its credential — as it is now, so a revocation or a
 * removed role takes effect at once — holds the admin role. The credential's
 * current accounts become the caller's reach.
 */
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { problem, ProblemException } from '../http/problem-details';
import { AccessTokenVerifier } from '../oauth/access-token-verifier';
import { bearerToken } from './bearer-token';
import './caller';

const REALM = 'Bearer realm="keyring"';

@Injectable()
export class AdminBearerGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new ProblemException(
        problem(
          401,
          'AUTHENTICATION_REQUIRED',
          'Authentication required',
          'Send an access token from this service: Authorization: Bearer <token>',
        ),
        { 'WWW-Authenticate': REALM },
      );
    }
    const active = await this.verifier.active(token);
    if (!active) {
      throw new ProblemException(
        problem(
          401,
          'INVALID_TOKEN',
          'Invalid access token',
          'The access token is expired, revoked, malformed or not issued by this service; get a new one',
        ),
        { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
      );
    }
    const { credential } = active;
    if (!credential.roles.includes(this.config.adminRole)) {
      throw new ProblemException(
        problem(
          403,
          'ADMIN_ROLE_REQUIRED',
          'Admin role required',
          `The management API needs a credential holding the role ${this.config.adminRole}`,
        ),
        { 'WWW-Authenticate': `${REALM}, error="insufficient_scope"` },
      );
    }
    request.caller = {
      clientId: credential.clientId,
      accounts: credential.accounts,
      roles: credential.roles,
    };
    return true;
  }
}
