/**
 * `POST /oauth2/token` in the OpenAPI document. The endpoint is served ahead
 * of Nest (direct-token-endpoint.ts), so no controller can describe it: its
 * path item is written here, over the same shapes the Nest-served OAuth
 * endpoints use.
 */
import type { Type } from '@nestjs/common';
import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { OAuthErrorDoc, TokenResponseDoc } from './oauth-responses.doc';
import { TokenRequestFormDoc } from './oauth-forms.doc';

type PathItem = OpenAPIObject['paths'][string];

export const TOKEN_ENDPOINT_PATH = '/oauth2/token';

/** The schemas the path item refers to; the document must register them. */
export const TOKEN_ENDPOINT_MODELS = [TokenRequestFormDoc, TokenResponseDoc, OAuthErrorDoc];

const json = (model: Type<unknown>) => ({ 'application/json': { schema: { $ref: getSchemaPath(model) } } });

const NO_STORE = { 'Cache-Control': { schema: { type: 'string', example: 'no-store' } } };

const oauthError = (description: string, headers: Record<string, object> = {}) => ({
  description,
  headers: { ...NO_STORE, ...headers },
  content: json(OAuthErrorDoc),
});

export const tokenEndpointPathItem: PathItem = {
  post: {
    tags: ['oauth'],
    operationId: 'issueToken',
    summary: 'Issue an access token (client_credentials grant, RFC 6749 §4.4)',
    description:
      'Authenticate with HTTP Basic (client_secret_basic) or with client_id and client_secret in the ' +
      'form (client_secret_post), never both.',
    security: [{ basic: [] }],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': { schema: { $ref: getSchemaPath(TokenRequestFormDoc) } },
      },
    },
    responses: {
      200: { description: 'The token', headers: NO_STORE, content: json(TokenResponseDoc) },
      400: oauthError('invalid_request, unsupported_grant_type or invalid_scope'),
      401: oauthError('invalid_client: client authentication failed, for whatever reason', {
        'WWW-Authenticate': { schema: { type: 'string', example: 'Basic realm="keyring"' } },
      }),
      429: oauthError('token_limit_reached: the credential already holds its most active tokens', {
        'Retry-After': {
          description: 'Seconds until the oldest active token expires',
          schema: { type: 'integer' },
        },
      }),
    },
  },
};

/** The direct token endpoint as the OpenAPI document takes it. */
export const TOKEN_ENDPOINT_DOCS = {
  paths: { [TOKEN_ENDPOINT_PATH]: tokenEndpointPathItem },
  models: TOKEN_ENDPOINT_MODELS,
};
