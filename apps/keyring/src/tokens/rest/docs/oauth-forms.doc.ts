/**
 * The OpenAPI shapes of the OAuth endpoints' form bodies. The endpoints read
 * their forms themselves (RFC 6749 §3.1 rules), so these classes document and
 * never validate.
 */
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

const POSTED_CLIENT_ID = {
  type: String,
  description: 'client_secret_post: the client id, when not authenticating with HTTP Basic',
};
const POSTED_CLIENT_SECRET = {
  type: String,
  description: 'client_secret_post: the client secret, when not authenticating with HTTP Basic',
};

@ApiSchema({ name: 'TokenRequestForm' })
export class TokenRequestFormDoc {
  @ApiProperty({ enum: ['client_credentials'] })
  grant_type!: 'client_credentials';

  @ApiPropertyOptional({
    type: String,
    description: "Space-separated scopes; all the credential's apis when left out",
    example: 'invoices:read',
  })
  scope?: string;

  @ApiPropertyOptional(POSTED_CLIENT_ID)
  client_id?: string;

  @ApiPropertyOptional(POSTED_CLIENT_SECRET)
  client_secret?: string;
}

/** Introspection (RFC 7662) and revocation (RFC 7009) both name one token. */
@ApiSchema({ name: 'TokenForm' })
export class TokenFormDoc {
  @ApiProperty({ type: String, description: 'The access token' })
  token!: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Accepted and ignored: every token here is an access token',
  })
  token_type_hint?: string;

  @ApiPropertyOptional(POSTED_CLIENT_ID)
  client_id?: string;

  @ApiPropertyOptional(POSTED_CLIENT_SECRET)
  client_secret?: string;
}
