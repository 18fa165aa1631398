/** The OpenAPI shape of an audit chain check (verify-audit-chain.ts). */
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { AuditProblem, AuditVerification } from './verify-audit-chain';
import { SHA256_HEX } from '../projection/audit-log/audit-entry.doc';

const AUDIT_PROBLEMS: readonly AuditProblem[] = ['altered', 'missing', 'inserted'];

@ApiSchema({ name: 'AuditHead' })
export class AuditHeadDoc {
  @ApiProperty({ type: 'integer' })
  position!: number;

  @ApiProperty(SHA256_HEX)
  hash!: string;
}

@ApiSchema({ name: 'AuditFirstBad' })
export class AuditFirstBadDoc {
  @ApiProperty({ type: 'integer' })
  position!: number;

  @ApiProperty({ enum: AUDIT_PROBLEMS })
  problem!: AuditProblem;
}

@ApiSchema({ name: 'AuditVerification' })
export class AuditVerificationDoc implements AuditVerification {
  @ApiProperty({ type: Boolean })
  ok!: boolean;

  @ApiProperty({ type: 'integer', description: 'Entries found intact, from the start of the log' })
  checked!: number;

  @ApiProperty({
    type: AuditHeadDoc,
    nullable: true,
    description: 'The newest intact entry: its hash anchors everything before it',
  })
  head!: AuditHeadDoc | null;

  @ApiPropertyOptional({ type: AuditFirstBadDoc, description: 'The first difference found, when not ok' })
  firstBad?: AuditFirstBadDoc;
}
