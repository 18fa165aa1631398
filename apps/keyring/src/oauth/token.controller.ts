/** `POST /oauth2/token`: the client_credentials grant (RFC 6749 §4.4). */
import { Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { safeHeader, sourceIpOf } from '../http/request-context';
import { presentedClientCredentials } from './client-credentials';
import { formBodyOf, formParameter, requiredFormParameter } from './form-parameters';
import { unsupportedGrantType } from './oauth-error';
import { parseScope } from './scope-parameter';
import { TokenIssuer, type TokenResponse } from './token-issuer';

@Controller('oauth2')
export class TokenController {
  constructor(private readonly issuer: TokenIssuer) {}

  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  token(@Req() request: Request): Promise<TokenResponse> {
    const body = formBodyOf(request);
    const grantType = requiredFormParameter(body, 'grant_type');
    if (grantType !== 'client_credentials') throw unsupportedGrantType(grantType);
    const client = presentedClientCredentials(request.headers.authorization, body);
    const scope = parseScope(formParameter(body, 'scope'));
    const requestId = String(request.id);
    return this.issuer.issue({
      client,
      scope,
      sourceIp: sourceIpOf(request),
      requestId,
      correlationId: safeHeader(request, 'x-correlation-id') ?? requestId,
    });
  }
}
