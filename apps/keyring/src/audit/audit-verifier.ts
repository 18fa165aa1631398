/** Verifies the stored audit log against the event store (see `verify-audit-chain.ts`). */
import type Database from 'better-sqlite3';
import type { EventStore, GlobalPosition } from '@keyring/event-store';
import { AuditLogReader, type AuditRow, auditEntryFromRow } from '../projection/audit-log/audit-log-reader';
import { readCheckpoint } from '../projection/read-model-projection';
import { type AuditVerification, type StoredAuditRow, verifyAuditChain } from './verify-audit-chain';

function* storedRows(rows: Iterable<AuditRow>): Generator<StoredAuditRow> {
  for (const row of rows) yield { position: row.position, entry: () => auditEntryFromRow(row) };
}

export class AuditVerifier {
  private readonly reader: AuditLogReader;
  private readonly selectRowPastCheckpoint: Database.Statement<[], number>;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
  ) {
    this.reader = new AuditLogReader(db);
    this.selectRowPastCheckpoint = db
      .prepare<
        [],
        number
      >('SELECT position FROM audit_log WHERE position > (SELECT position FROM checkpoint) ORDER BY position LIMIT 1')
      .pluck();
  }

  /** Checks every entry up to the projector's checkpoint as it stands when the check starts. */
  verify(
    onProgress?: (position: GlobalPosition, through: GlobalPosition) => void,
  ): Promise<AuditVerification> {
    const { position: through, auditHeadHash } = readCheckpoint(this.db);
    return verifyAuditChain(this.store.readAll(), storedRows(this.reader.rows(0, through)), {
      through,
      checkpointHash: auditHeadHash,
      onProgress: onProgress && ((position) => onProgress(position, through)),
      findRowPastCheckpoint: () => this.selectRowPastCheckpoint.get() ?? null,
    });
  }
}
