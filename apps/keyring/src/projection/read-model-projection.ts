/**
 * Applies stored events to the read models and the audit log. Each batch is
 * one IMMEDIATE transaction that also moves the checkpoint, so a crash
 * leaves either the whole batch and its checkpoint or neither: no event is
 * lost or applied twice. The checkpoint is re-read under the write lock, so
 * several projectors (replicas, a CLI rebuild) can share one file safely.
 */
import type Database from 'better-sqlite3';
import { accountsAfter, clientIdOfStream, usernameOfStream } from '@keyring/domain';
import { type GlobalPosition, isDiskFullError, type RecordedEvent } from '@keyring/event-store';
import {
  type AuditEntry,
  chainAuditEntry,
  describeApiUserEvent,
  describeEvent,
} from './audit-log/audit-entry';
import { fromRecordedApiUserEvent, fromRecordedEvent } from '../credential-store/event-envelope';
import { ApiUserProjection } from './api-users/api-user-projection';
import { AuditLogWriter } from './audit-log/audit-log-writer';
import { CredentialProjection } from './credentials/credential-projection';

export interface Checkpoint {
  /** Global position of the last event applied; 0 before the first. */
  readonly position: GlobalPosition;
  /** Hash of the newest audit entry, which the next entry links to. */
  readonly auditHeadHash: string;
  readonly eventsApplied: number;
}

interface CheckpointRow {
  readonly position: number;
  readonly audit_head_hash: string;
  readonly events_applied: number;
}

const SELECT_CHECKPOINT = 'SELECT position, audit_head_hash, events_applied FROM checkpoint WHERE id = 1';

function toCheckpoint(row: CheckpointRow | undefined, db: Database.Database): Checkpoint {
  if (!row) throw new Error(`Read-model file ${db.name} has no checkpoint row`);
  return { position: row.position, auditHeadHash: row.audit_head_hash, eventsApplied: row.events_applied };
}

/** The checkpoint as stored, for readers that do not project (verify, export). */
export const readCheckpoint = (db: Database.Database): Checkpoint =>
  toCheckpoint(db.prepare<[], CheckpointRow>(SELECT_CHECKPOINT).get(), db);

export class ReadModelProjection {
  private readonly credentials: CredentialProjection;
  private readonly apiUsers: ApiUserProjection;
  private readonly audit: AuditLogWriter;
  private readonly selectCheckpoint: Database.Statement<[], CheckpointRow>;
  private readonly updateCheckpoint: Database.Statement<[number, string, number]>;
  private readonly applyInTransaction: Database.Transaction<
    (events: readonly RecordedEvent[], from: GlobalPosition) => Checkpoint | null
  >;

  constructor(private readonly db: Database.Database) {
    this.credentials = new CredentialProjection(db);
    this.apiUsers = new ApiUserProjection(db);
    this.audit = new AuditLogWriter(db);
    this.selectCheckpoint = db.prepare<[], CheckpointRow>(SELECT_CHECKPOINT);
    this.updateCheckpoint = db.prepare(
      'UPDATE checkpoint SET position = ?, audit_head_hash = ?, events_applied = ? WHERE id = 1',
    );
    this.applyInTransaction = db.transaction((events, from) => this.applyEach(events, from));
  }

  checkpoint(): Checkpoint {
    return toCheckpoint(this.selectCheckpoint.get(), this.db);
  }

  /**
   * Applies `events`, which must be the events right after position `from`,
   * and returns the new checkpoint; `null` (nothing written) when another
   * projector moved the checkpoint since `from` was read.
   */
  apply(events: readonly RecordedEvent[], from: GlobalPosition): Checkpoint | null {
    if (events.length === 0) return this.checkpoint();
    try {
      return this.applyInTransaction.immediate(events, from);
    } catch (error) {
      if (!isDiskFullError(error)) throw error;
      throw new Error(
        `The read-model and audit-log file ${this.db.name} is on a full disk: projection stopped at position ` +
          `${from} and resumes from there by itself once space is freed on that file system`,
        { cause: error },
      );
    } finally {
      this.audit.discard();
      this.credentials.discard();
    }
  }

  private applyEach(events: readonly RecordedEvent[], from: GlobalPosition): Checkpoint | null {
    const start = this.checkpoint();
    if (start.position !== from) return null;
    let head = start.auditHeadHash;
    // Accounts change rarely and are read for every event; the batch remembers what it has read or written.
    const accounts = new Map<string, readonly string[]>();
    for (const recorded of events) {
      const clientId = clientIdOfStream(recorded.stream);
      if (clientId === null) {
        const entry = this.applyApiUserEvent(recorded, head);
        if (entry) head = entry.hash;
        continue;
      }
      const event = fromRecordedEvent(recorded);
      const before = accounts.get(clientId) ?? this.credentials.accountsOf(clientId);
      const entry = chainAuditEntry(describeEvent(recorded, event, clientId, before), head);
      this.audit.append(entry);
      this.credentials.apply(recorded, event, clientId, before.length > 0);
      accounts.set(clientId, accountsAfter(event, before));
      head = entry.hash;
    }
    this.audit.flush();
    this.credentials.flush();
    const checkpoint: Checkpoint = {
      position: events[events.length - 1].position,
      auditHeadHash: head,
      eventsApplied: start.eventsApplied + events.length,
    };
    this.updateCheckpoint.run(checkpoint.position, checkpoint.auditHeadHash, checkpoint.eventsApplied);
    return checkpoint;
  }

  /** An API user's event: its row and its audit entry (null for a stream of neither kind). */
  private applyApiUserEvent(recorded: RecordedEvent, head: string): AuditEntry | null {
    const username = usernameOfStream(recorded.stream);
    if (username === null) return null;
    const event = fromRecordedApiUserEvent(recorded);
    const entry = chainAuditEntry(
      describeApiUserEvent(recorded, event, username, this.apiUsers.accountsOf(username)),
      head,
    );
    this.audit.append(entry);
    this.apiUsers.apply(recorded, event, username);
    return entry;
  }
}
