/**
 * `POST /oauth2/revoke` (RFC 7009): a client revokes one of its own tokens.
 * Unknown, expired, already revoked or foreign tokens all answer 200 and
 * change nothing, so the endpoint reveals nothing about other clients' tokens.
 */
import { Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isRefusal } from '@keyring/domain';
import type { Request } from 'express';
import { UNLIMITED_REACH } from '@keyring/domain';
import { CredentialCommandRunner } from '../../credential-store/credential-command-runner';
import { commandContextFrom } from '../../platform/http/request-context';
import { AccessTokenVerifier } from '../access-token-verifier';
import { ClientAuthenticator } from '../client-authenticator';
import { TokenFormDoc } from './docs/oauth-forms.doc';
import { ApiOAuthErrorResponses } from './docs/oauth-responses.doc';
import { formBodyOf, requiredFormParameter } from '../form-parameters';

@Controller('oauth2')
@ApiTags('oauth')
export class RevocationController {
  constructor(
    private readonly authenticator: ClientAuthenticator,
    private readonly verifier: AccessTokenVerifier,
    private readonly runner: CredentialCommandRunner,
  ) {}

  @Post('revoke')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Revoke one of the client's own access tokens (RFC 7009)" })
  @ApiBasicAuth('basic')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TokenFormDoc })
  @ApiOkResponse({ description: 'Revoked, or already inactive: the answer does not tell which' })
  @ApiOAuthErrorResponses(400, 401)
  async revoke(@Req() request: Request): Promise<void> {
    const body = formBodyOf(request);
    const caller = await this.authenticator.authenticateRequest(request);
    const token = requiredFormParameter(body, 'token');
    // token_type_hint is optional and only a hint (§2.1); every token here is an access token.
    const claims = await this.verifier.verifiedClaims(token);
    if (!claims || claims.client_id !== caller.clientId) return;
    const context = {
      ...commandContextFrom(request),
      actor: { type: 'client' as const, id: caller.clientId, onBehalfOf: null },
      reach: UNLIMITED_REACH,
    };
    try {
      await this.runner.run(caller.clientId, { type: 'RevokeToken', jti: claims.jti }, context);
    } catch (error) {
      // Already revoked or expired: the token is inactive, which is what the client asked for.
      if (!isRefusal(error) || error.code !== 'TOKEN_NOT_FOUND') throw error;
    }
  }
}
