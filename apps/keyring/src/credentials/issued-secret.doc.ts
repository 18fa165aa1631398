/** The OpenAPI shapes of answers that carry a new secret: the only time its plaintext is shown. */
import { ApiProperty, ApiSchema, PickType } from '@nestjs/swagger';
import type { CreatedCredential } from './create-credential.command';
import type { IssuedSecretView } from './issued-secret';
import { CredentialViewDoc, SecretViewDoc } from './credential-view.doc';

@ApiSchema({ name: 'IssuedSecret' })
export class IssuedSecretDoc
  extends PickType(SecretViewDoc, ['secretId', 'hint', 'createdAt', 'expiresAt'] as const)
  implements IssuedSecretView
{
  // No example: the document must never hold anything that looks like a usable secret.
  @ApiProperty({
    type: String,
    description: 'The plaintext secret, shown this once and never again: store it now',
  })
  clientSecret!: string;
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
