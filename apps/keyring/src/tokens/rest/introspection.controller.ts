/**
 * `POST /oauth2/introspect` (RFC 7662). Only clients holding the introspect
 * or admin role may ask. Anything but an active token of ours — revoked,
 * expired, unknown, malformed or signed by someone else — is `{active: false}`.
 */
import { Controller, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BUILT_IN_ROLES } from '@keyring/domain';
import type { Request } from 'express';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { AccessTokenVerifier } from '../access-token-verifier';
import { ClientAuthenticator } from '../client-authenticator';
import { TokenFormDoc } from './docs/oauth-forms.doc';
import { ApiOAuthErrorResponses, IntrospectionResponseDoc } from './docs/oauth-responses.doc';
import { formBodyOf, requiredFormParameter } from '../form-parameters';
import { type IntrospectionResponse, introspectionOf } from '../introspection-response';
import { unauthorizedClient } from '../grant-refusals';

@Controller('oauth2')
@ApiTags('oauth')
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
  @ApiOperation({ summary: 'Introspect an access token (RFC 7662); needs the introspect or admin role' })
  @ApiBasicAuth('basic')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TokenFormDoc })
  @ApiOkResponse({ type: IntrospectionResponseDoc })
  @ApiOAuthErrorResponses(400, 401, 403)
  async introspect(@Req() request: Request): Promise<IntrospectionResponse> {
    const body = formBodyOf(request);
    const caller = await this.authenticator.authenticateRequest(request);
    if (!caller.roles.some((role) => this.allowedRoles.includes(role))) {
      throw unauthorizedClient(`Introspection needs the role ${this.allowedRoles.join(' or ')}`);
    }
    const token = requiredFormParameter(body, 'token');
    return introspectionOf(await this.verifier.active(token));
  }
}
