/** The OpenAPI shapes of the OAuth endpoints' answers: tokens, introspection, and RFC 6749 §5.2 errors. */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema } from '@nestjs/swagger';
import type { TokenResponse } from '../../token-issuer';

@ApiSchema({ name: 'TokenResponse' })
export class TokenResponseDoc implements TokenResponse {
  @ApiProperty({ type: String, description: 'A signed JWT' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires', example: 3600 })
  expires_in!: number;

  @ApiProperty({ type: String, description: 'The granted scopes, space-separated' })
  scope!: string;
}

/** RFC 7662: only `active` when the token is not an active token of this server. */
@ApiSchema({ name: 'IntrospectionResponse' })
export class IntrospectionResponseDoc {
  @ApiProperty({ type: Boolean })
  active!: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  client_id?: string;

  @ApiPropertyOptional({ type: String })
  sub?: string;

  @ApiPropertyOptional({ type: String })
  scope?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Expiry, in seconds since the epoch' })
  exp?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Issue time, in seconds since the epoch' })
  iat?: number;

  @ApiPropertyOptional({ type: String })
  jti?: string;

  @ApiPropertyOptional({ type: String })
  iss?: string;

  @ApiPropertyOptional({ type: String })
  aud?: string;

  @ApiPropertyOptional({ enum: ['Bearer'] })
  token_type?: 'Bearer';

  @ApiPropertyOptional({ type: [String] })
  accounts?: string[];

  @ApiPropertyOptional({ type: [String] })
  roles?: string[];
}

@ApiSchema({ name: 'OAuthError' })
export class OAuthErrorDoc {
  @ApiProperty({ type: String, example: 'invalid_request' })
  error!: string;

  @ApiProperty({ type: String })
  error_description!: string;
}

/** What each status means on the OAuth endpoints. */
export const OAUTH_ERROR_MEANINGS = {
  400: 'invalid_request: a parameter is missing or repeated, or the body is not form-encoded',
  401: 'invalid_client: client authentication failed, for whatever reason',
  403: 'unauthorized_client: the client lacks the role this endpoint needs',
} as const;

/** Documents RFC 6749 error responses for the given statuses. */
export const ApiOAuthErrorResponses = (...statuses: (keyof typeof OAUTH_ERROR_MEANINGS)[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: OAUTH_ERROR_MEANINGS[status], type: OAuthErrorDoc }),
    ),
  );
