/**
 * Guards REST routes with the shared bearer rule: the caller's credential
 * holds one of the roles a route family needs. The management API needs the
 * admin role; resource servers' verification routes take the introspect role too.
 */
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { BUILT_IN_ROLES } from '@keyring/domain';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { sourceIpOf } from '../../platform/http/request-context';
import { BearerAuthenticator } from './bearer-authenticator';
import '../../platform/context/caller';

// Decorated so that its constructor's parameter types are emitted for the subclasses' injection.
@Injectable()
abstract class RoleBearerGuard implements CanActivate {
  constructor(
    private readonly authenticator: BearerAuthenticator,
    @Inject(KEYRING_CONFIG) protected readonly config: KeyringConfig,
  ) {}

  /** The roles of which the caller's credential must hold one. */
  protected abstract roles(): readonly string[];

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.caller = await this.authenticator.callerWithRole(
      request.headers.authorization,
      this.roles(),
      sourceIpOf(request),
    );
    return true;
  }
}

@Injectable()
export class AdminBearerGuard extends RoleBearerGuard {
  protected roles(): readonly string[] {
    return [this.config.adminRole];
  }
}

/** For resource servers' verification routes (e.g. Basic headers of API users): introspect or admin. */
@Injectable()
export class IntrospectOrAdminBearerGuard extends RoleBearerGuard {
  protected roles(): readonly string[] {
    return [BUILT_IN_ROLES.introspect, this.config.adminRole];
  }
}
