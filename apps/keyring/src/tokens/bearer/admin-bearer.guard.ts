/** Guards the REST management API with the shared bearer rule: the caller's credential holds the admin role. */
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { problem, ProblemException } from '../../platform/http/problem-details';
import { BearerAuthenticator, BearerRefusal, type BearerRefusalReason } from './bearer-authenticator';
import '../../platform/context/caller';

const REALM = 'Bearer realm="keyring"';

const PROBLEMS: Readonly<
  Record<BearerRefusalReason, { status: number; code: string; title: string; challenge: string }>
> = {
  AUTHENTICATION_REQUIRED: {
    status: 401,
    code: 'AUTHENTICATION_REQUIRED',
    title: 'Authentication required',
    challenge: REALM,
  },
  INVALID_TOKEN: {
    status: 401,
    code: 'INVALID_TOKEN',
    title: 'Invalid access token',
    challenge: `${REALM}, error="invalid_token"`,
  },
  ROLE_REQUIRED: {
    status: 403,
    code: 'ADMIN_ROLE_REQUIRED',
    title: 'Admin role required',
    challenge: `${REALM}, error="insufficient_scope"`,
  },
};

@Injectable()
export class AdminBearerGuard implements CanActivate {
  constructor(
    private readonly authenticator: BearerAuthenticator,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    try {
      request.caller = await this.authenticator.callerWithRole(request.headers.authorization, [
        this.config.adminRole,
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof BearerRefusal)) throw error;
      const { status, code, title, challenge } = PROBLEMS[error.reason];
      throw new ProblemException(problem(status, code, title, error.message), {
        'WWW-Authenticate': challenge,
      });
    }
  }
}
