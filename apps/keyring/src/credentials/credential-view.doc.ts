/**
 * The OpenAPI shapes of what the credential endpoints answer. They implement
 * the runtime views and have exactly their keys, so the compiler notices
 * when a view (or the domain's fields, which the view derives from) gains a
 * field the document does not describe with the right type.
 */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  type Assert,
  type Environment,
  ENVIRONMENTS,
  type SameKeys,
  type SecretStatus,
} from '@keyring/domain';
import type { ActiveTokenView } from '../projection/credentials/credential-reader';
import type { Page } from '../platform/pagination/page-cursor';
import type { CredentialView, SecretView } from '../projection/credentials/credential.view';

const SECRET_STATUSES: readonly SecretStatus[] = ['active', 'expired', 'deleted'];

/** A secret's hint: enough to tell secrets apart, never enough to use one. */
const SECRET_HINT_SCHEMA = {
  type: String,
  description: "The secret's prefix and last four characters",
  example: 'kr_sec_…WXYZ',
};

@ApiSchema({ name: 'SecretView' })
export class SecretViewDoc implements SecretView {
  @ApiProperty({ type: String, format: 'uuid' })
  secretId!: string;

  @ApiProperty(SECRET_HINT_SCHEMA)
  hint!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ enum: SECRET_STATUSES })
  status!: SecretStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;
}

@ApiSchema({ name: 'CredentialView' })
export class CredentialViewDoc implements CredentialView {
  @ApiProperty({ type: String, format: 'uuid', description: 'The OAuth client_id' })
  clientId!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: String })
  description!: string;

  @ApiProperty({ enum: [...ENVIRONMENTS] })
  environment!: Environment;

  @ApiProperty({ type: [String] })
  accounts!: string[];

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiProperty({ type: [String] })
  apis!: string[];

  @ApiProperty({ type: [String] })
  allowedIps!: string[];

  @ApiProperty({ enum: ['active', 'revoked'] })
  status!: 'active' | 'revoked';

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: [SecretViewDoc], description: 'Never a secret itself: hints only' })
  secrets!: SecretViewDoc[];

  @ApiProperty({ type: 'integer' })
  activeTokenCount!: number;

  @ApiProperty({ type: 'integer', description: "The revision of the credential's event stream" })
  revision!: number;
}

type _SecretDocumented = Assert<SameKeys<SecretViewDoc, SecretView>>;
type _CredentialDocumented = Assert<SameKeys<CredentialViewDoc, CredentialView>>;

@ApiSchema({ name: 'CredentialPage' })
export class CredentialPageDoc implements Page<CredentialView> {
  @ApiProperty({ type: [CredentialViewDoc], description: 'Newest first' })
  items!: CredentialViewDoc[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

@ApiSchema({ name: 'ActiveTokenView' })
export class ActiveTokenViewDoc implements ActiveTokenView {
  @ApiProperty({ type: String, format: 'uuid' })
  jti!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: String, description: 'Space-separated granted scopes' })
  scope!: string;

  @ApiProperty({ type: String, example: '10.1.2.3' })
  sourceIp!: string;
}

@ApiSchema({ name: 'ActiveTokens' })
export class ActiveTokensDoc {
  @ApiProperty({ type: [ActiveTokenViewDoc] })
  items!: ActiveTokenViewDoc[];
}
