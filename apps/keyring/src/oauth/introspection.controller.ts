/**
 * `POST /oauth2/introspect` (RFC 7662). Only clients holding the introspect
 * or admin role may ask. Anything but an active token of ours — revoked,
 * expired, unknown, malformed or signed by someone else — is `{active: false}`.
 */
import { Controller, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { BUILT_IN_ROLES } from '@keyring/domain';
import type { Request } from 'express';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { AccessTokenVerifier } from './access-token-verifier';
import { ClientAuthenticator } from './client-authenticator';
import { formBodyOf, requiredFormParameter } from './form-parameters';
import { unauthorizedClient } from './oauth-error';

export type IntrospectionResponse =
  | { readonly active: false }
  | {
      readonly active: true;
      readonly client_id: string;
      readonly sub: string;
      readonly scope: string;
      readonly exp: number;
      readonly iat: number;
      readonly jti: string;
      readonly iss: string;
      readonly aud: string;
      readonly token_type: 'Bearer';
      readonly accounts: readonly string[];
      readonly roles: readonly string[];
    };

@Controller('oauth2')
export class IntrospectionController {
  private readonly allowedRoles: readonly string[];

  constructor(
    private readonly authenticator: ClientAuthenticator,
    private readonly verifier: AccessTokenVerifier,
    @Inject(KEYRING_CONFIG) config: KeyringConfig,
  ) {
    this.allowedRoles = [BUILT_IN_ROLES.introspect, config.adminRole];
  }

  @Post('introspect')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async introspect(@Req() request: Request): Promise<IntrospectionResponse> {
    const body = formBodyOf(request);
    const caller = await this.authenticator.authenticateRequest(request);
    if (!caller.roles.some((role) => this.allowedRoles.includes(role))) {
      throw unauthorizedClient(`Introspection needs the role ${this.allowedRoles.join(' or ')}`);
    }
    const token = requiredFormParameter(body, 'token');
    const active = await this.verifier.active(token);
    if (!active) return { active: false };
    const { claims } = active;
    return {
      active: true,
      client_id: claims.client_id,
      sub: claims.sub,
      scope: claims.scope,
      exp: claims.exp,
      iat: claims.iat,
      jti: claims.jti,
      iss: claims.iss,
      aud: claims.aud,
      token_type: 'Bearer',
      accounts: claims.accounts,
      roles: claims.roles,
    };
  }
}
