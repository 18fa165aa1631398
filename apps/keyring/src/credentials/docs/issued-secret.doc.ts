/** The OpenAPI shapes of answers that carry a new secret: the only time its plaintext is shown. */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CreatedCredential } from '../create-credential.handler';
import type { IssuedSecretView } from '../issued-secret';
import { CredentialViewDoc, SECRET_HINT_SCHEMA } from './credential-view.doc';

@ApiSchema({ name: 'IssuedSecret' })
export class IssuedSecretDoc implements IssuedSecretView {
  @ApiProperty({ type: String, format: 'uuid' })
  secretId!: string;

  // No example: the document must never hold anything that looks like a usable secret.
  @ApiProperty({
    type: String,
    description: 'The plaintext secret, shown this once and never again: store it now',
  })
  clientSecret!: string;

  @ApiProperty(SECRET_HINT_SCHEMA)
  hint!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: string;
}

@ApiSchema({ name: 'CreatedCredential' })
export class CreatedCredentialDoc implements CreatedCredential {
  @ApiProperty({ type: CredentialViewDoc })
  credential!: CredentialViewDoc;

  @ApiProperty({ type: IssuedSecretDoc, description: "The credential's first secret" })
  secret!: IssuedSecretDoc;
}

@ApiSchema({ name: 'CreatedCredentialsBatch' })
export class CreatedCredentialsBatchDoc {
  @ApiProperty({ type: [CreatedCredentialDoc], description: 'In the order of the request' })
  results!: CreatedCredentialDoc[];
}
