/** Verification of Basic headers is for resource servers: callers holding the introspect or the admin role. */
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { BUILT_IN_ROLES } from '@keyring/domain';
import type { Request } from 'express';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { sourceIpOf } from '../../platform/http/request-context';
import { BearerAuthenticator } from '../../tokens/bearer/bearer-authenticator';
import '../../platform/context/caller';

@Injectable()
export class IntrospectOrAdminBearerGuard implements CanActivate {
  constructor(
    private readonly authenticator: BearerAuthenticator,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.caller = await this.authenticator.callerWithRole(
      request.headers.authorization,
      [BUILT_IN_ROLES.introspect, this.config.adminRole],
      sourceIpOf(request),
    );
    return true;
  }
}
