/** The OpenAPI shape of a point-in-time access answer (point-in-time-access.ts). */
import { ApiProperty, ApiSchema, PickType } from '@nestjs/swagger';
import { CredentialViewDoc, SecretViewDoc } from '../../credentials/credential-view.doc';
import type { AccessAtInstant } from './point-in-time-access';

type AccessCredential = AccessAtInstant['credentials'][number];
type AccessSecret = AccessCredential['secrets'][number];

// The same fields as the credential views', picked so the two descriptions cannot drift apart.
@ApiSchema({ name: 'AccessSecret' })
export class AccessSecretDoc
  extends PickType(SecretViewDoc, ['secretId', 'hint', 'createdAt', 'expiresAt'] as const)
  implements AccessSecret {}

@ApiSchema({ name: 'AccessCredential' })
export class AccessCredentialDoc
  extends PickType(CredentialViewDoc, [
    'clientId',
    'name',
    'environment',
    'accounts',
    'roles',
    'apis',
    'allowedIps',
  ] as const)
  implements AccessCredential
{
  @ApiProperty({
    type: [AccessSecretDoc],
    description: 'The secrets that could obtain a token at that instant',
  })
  secrets!: AccessSecretDoc[];
}

@ApiSchema({ name: 'AccessAtInstant' })
export class AccessAtInstantDoc implements AccessAtInstant {
  @ApiProperty({ type: String })
  account!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: [AccessCredentialDoc], description: 'Oldest first' })
  credentials!: AccessCredentialDoc[];
}
