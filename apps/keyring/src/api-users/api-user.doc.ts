/** The OpenAPI shapes of API users: never a password, except the once it is issued. */
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { API_USER_STATUSES, type ApiUserStatus } from '@keyring/domain';
import { CreatedCredentialDoc } from '../credentials/issued-secret.doc';
import type { ApiUserView, IssuedPasswordView } from './api-user.view';
import type { ApiUsersReport, UnmigratedApiUser } from './api-users-report.query';
import type { MigratedApiUser } from './migrate-api-user.command';

const INSTANT = { type: String, format: 'date-time' } as const;

@ApiSchema({ name: 'ApiUser' })
export class ApiUserDoc implements ApiUserView {
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: [String] }) accounts!: string[];
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ enum: [...API_USER_STATUSES] }) status!: ApiUserStatus;
  @ApiProperty(INSTANT) createdAt!: string;
  @ApiProperty(INSTANT) updatedAt!: string;
  @ApiProperty({ ...INSTANT, nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The client credential it moved to',
  })
  migratedTo!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) migratedAt!: string | null;
}

@ApiSchema({ name: 'ApiUserPage' })
export class ApiUserPageDoc {
  @ApiProperty({ type: [ApiUserDoc] }) items!: ApiUserDoc[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

@ApiSchema({ name: 'IssuedApiUserPassword' })
export class IssuedPasswordDoc implements IssuedPasswordView {
  @ApiProperty({ type: ApiUserDoc }) apiUser!: ApiUserDoc;
  @ApiProperty({ type: String, description: 'The password, shown this once and never again: store it now' })
  password!: string;
}

@ApiSchema({ name: 'MigratedApiUser' })
export class MigratedApiUserDoc extends CreatedCredentialDoc implements MigratedApiUser {
  @ApiProperty({ type: ApiUserDoc }) apiUser!: ApiUserDoc;
}

@ApiSchema({ name: 'UnmigratedApiUser' })
export class UnmigratedApiUserDoc implements UnmigratedApiUser {
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: [String] }) accounts!: string[];
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty({ ...INSTANT, nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'Whole days left before Basic authentication is retired' })
  daysLeft!: number;
}

@ApiSchema({ name: 'ApiUsersReport' })
export class ApiUsersReportDoc implements ApiUsersReport {
  @ApiProperty(INSTANT) retiresAt!: string;
  @ApiProperty({ type: Boolean }) retired!: boolean;
  @ApiProperty({ type: 'integer' }) daysLeft!: number;
  @ApiProperty({ type: [UnmigratedApiUserDoc] }) unmigrated!: UnmigratedApiUserDoc[];
}

@ApiSchema({ name: 'BasicVerification' })
export class BasicVerificationDoc {
  @ApiProperty({ type: Boolean }) active!: boolean;
  @ApiPropertyOptional({ type: String }) username?: string;
  @ApiPropertyOptional({ type: [String] }) accounts?: string[];
  @ApiPropertyOptional({ type: [String] }) roles?: string[];
  @ApiPropertyOptional({
    enum: ['basic_auth_retired'],
    description: 'Only once Basic authentication is retired',
  })
  reason?: 'basic_auth_retired';
}
