/** The OpenAPI shape of a point-in-time access answer (point-in-time-access.ts). */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ENVIRONMENTS } from '@keyring/domain';
import { SECRET_HINT_SCHEMA } from '../../credentials/docs/credential-view.doc';
import type { AccessAtInstant } from '../point-in-time-access';

type AccessCredential = AccessAtInstant['credentials'][number];
type AccessSecret = AccessCredential['secrets'][number];

@ApiSchema({ name: 'AccessSecret' })
export class AccessSecretDoc implements AccessSecret {
  @ApiProperty({ type: String, format: 'uuid' })
  secretId!: string;

  @ApiProperty(SECRET_HINT_SCHEMA)
  hint!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: string;
}

@ApiSchema({ name: 'AccessCredential' })
export class AccessCredentialDoc implements AccessCredential {
  @ApiProperty({ type: String, format: 'uuid' })
  clientId!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ enum: [...ENVIRONMENTS] })
  environment!: string;

  @ApiProperty({ type: [String] })
  accounts!: string[];

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiProperty({ type: [String] })
  apis!: string[];

  @ApiProperty({ type: [String] })
  allowedIps!: string[];

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
