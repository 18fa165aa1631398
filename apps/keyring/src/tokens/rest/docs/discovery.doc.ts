/** The OpenAPI shapes of the discovery documents: the JWKS (RFC 7517) and server metadata (RFC 8414). */
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'PublicJwk' })
export class PublicJwkDoc {
  @ApiProperty({ type: String, description: 'The RFC 7638 thumbprint of the key' })
  kid!: string;

  @ApiProperty({ enum: ['EC', 'OKP'] })
  kty!: string;

  @ApiProperty({ enum: ['ES256', 'EdDSA'] })
  alg!: string;

  @ApiProperty({ enum: ['sig'] })
  use!: string;

  @ApiProperty({ enum: ['P-256', 'Ed25519'] })
  crv!: string;

  @ApiProperty({ type: String })
  x!: string;

  @ApiPropertyOptional({ type: String, description: 'EC keys only' })
  y?: string;
}

@ApiSchema({ name: 'Jwks' })
export class JwksDoc {
  @ApiProperty({
    type: [PublicJwkDoc],
    description: 'The current signing key and retired keys still published',
  })
  keys!: PublicJwkDoc[];
}

@ApiSchema({ name: 'ServerMetadata' })
export class ServerMetadataDoc {
  @ApiProperty({ type: String, format: 'uri' })
  issuer!: string;

  @ApiProperty({ type: String, format: 'uri' })
  token_endpoint!: string;

  @ApiProperty({ type: String, format: 'uri' })
  introspection_endpoint!: string;

  @ApiProperty({ type: String, format: 'uri' })
  revocation_endpoint!: string;

  @ApiProperty({ type: String, format: 'uri' })
  jwks_uri!: string;

  @ApiProperty({ type: [String], example: ['client_credentials'] })
  grant_types_supported!: string[];

  @ApiProperty({ type: [String], example: [] })
  response_types_supported!: string[];

  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post'] })
  token_endpoint_auth_methods_supported!: string[];

  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post'] })
  introspection_endpoint_auth_methods_supported!: string[];

  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post'] })
  revocation_endpoint_auth_methods_supported!: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'The configured API catalogue (API_CATALOGUE); absent when none is configured',
  })
  scopes_supported?: string[];
}
