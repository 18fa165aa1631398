/** The OpenAPI shapes of audit entries and their pages; they implement the runtime types to stay in step. */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Actor } from '../../platform/context/command-context';
import type { Page } from '../../platform/pagination/page-cursor';
import { AUDIT_ACTION_NAMES, type AuditAction, type AuditEntry, type AuditOutcome } from './audit-entry';

const ACTOR_TYPES: readonly Actor['type'][] = ['client', 'cli', 'anonymous'];
const OUTCOMES: readonly AuditOutcome[] = ['success', 'denied'];
export const SHA256_HEX = { type: String, pattern: '^[0-9a-f]{64}$' };

@ApiSchema({ name: 'AuditActor' })
export class AuditActorDoc {
  @ApiProperty({ enum: ACTOR_TYPES })
  type!: Actor['type'];

  @ApiProperty({ type: String, nullable: true, description: "A client id, or the CLI operator's name" })
  id!: string | null;
}

@ApiSchema({ name: 'AuditEntry' })
export class AuditEntryDoc implements AuditEntry {
  @ApiProperty({ type: 'integer', description: "The event's global position: the log's order" })
  position!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ enum: [...AUDIT_ACTION_NAMES] })
  action!: AuditAction;

  @ApiProperty({ type: String, format: 'uuid' })
  clientId!: string;

  @ApiProperty({ type: [String], description: "The credential's accounts when it happened" })
  accounts!: string[];

  @ApiProperty({ type: AuditActorDoc })
  actor!: AuditActorDoc;

  @ApiProperty({ type: String, nullable: true, description: 'From X-On-Behalf-Of' })
  onBehalfOf!: string | null;

  @ApiProperty({ type: String, nullable: true })
  sourceIp!: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;

  @ApiProperty({ enum: OUTCOMES })
  outcome!: AuditOutcome;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "What happened, by action; never a secret or a secret's hash",
  })
  details!: Record<string, unknown>;

  @ApiProperty({ ...SHA256_HEX, description: "The previous entry's hash (64 zeros before the first)" })
  prevHash!: string;

  @ApiProperty({
    ...SHA256_HEX,
    description: "SHA-256 of the RFC 8785 canonical JSON of the entry's other fields",
  })
  hash!: string;
}

@ApiSchema({ name: 'AuditEntryPage' })
export class AuditEntryPageDoc implements Page<AuditEntry> {
  @ApiProperty({ type: [AuditEntryDoc], description: 'Newest first' })
  items!: AuditEntryDoc[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}
