/** Guards the REST management API with the shared bearer rule: the caller's credential holds the admin role. */
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { BearerAuthenticator } from './bearer-authenticator';
import '../../platform/context/caller';
import { sourceIpOf } from '../../platform/http/request-context';

@Injectable()
export class AdminBearerGuard implements CanActivate {
  constructor(
    private readonly authenticator: BearerAuthenticator,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.caller = await this.authenticator.callerWithRole(
      request.headers.authorization,
      [this.config.adminRole],
      sourceIpOf(request),
    );
    return true;
  }
}
