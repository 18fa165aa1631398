/**
 * Checks the stored audit log against the event store: replays the events,
 * rebuilds the entry and hash each should have, and walks the stored rows
 * beside them. The first difference is reported: a row that says something
 * else (altered), an event without its row (missing), or a row without its
 * event (inserted). A forger who also recomputes the hashes is still caught,
 * because the expected chain comes from the events, not from the rows.
 */
import { accountsAfter, clientIdOfStream, usernameOfStream } from '@keyring/domain';
import type { GlobalPosition, RecordedEvent } from '@keyring/event-store';
import { fromRecordedApiUserEvent, fromRecordedEvent } from '../credential-store/event-envelope';
import { canonicalJson } from '../projection/audit-log/canonical-json';
import {
  type AuditEntry,
  apiUserAccountsAfter,
  chainAuditEntry,
  describeApiUserEvent,
  describeEvent,
  GENESIS_HASH,
} from '../projection/audit-log/audit-entry';

export type AuditProblem = 'altered' | 'missing' | 'inserted';

export interface AuditVerification {
  readonly ok: boolean;
  /** Entries found intact, from the start of the log. */
  readonly checked: number;
  /** The newest intact entry: its hash anchors everything before it. */
  readonly head: { readonly position: GlobalPosition; readonly hash: string } | null;
  readonly firstBad?: { readonly position: GlobalPosition; readonly problem: AuditProblem };
}

/** A stored row; `entry()` throws when the row cannot even be read (bad JSON), which counts as altered. */
export interface StoredAuditRow {
  readonly position: GlobalPosition;
  entry(): AuditEntry;
}

export interface VerifyOptions {
  /** Events after this position are not expected in the log yet (the projector has not reached them). */
  readonly through: GlobalPosition;
  /**
   * The hash the projector's checkpoint says the log ends with. A log cut
   * short must also have had its checkpoint rewritten to go unnoticed.
   */
  readonly checkpointHash?: string;
  /** Called every so often with the position reached. */
  readonly onProgress?: (position: GlobalPosition) => void;
  /**
   * The first stored row past what the projector has written, if any. Asked
   * at the end, because the projector may go on writing during the check.
   */
  readonly findRowPastCheckpoint?: () => GlobalPosition | null;
}

const sameEntry = (expected: AuditEntry, row: StoredAuditRow): boolean => {
  try {
    return canonicalJson(row.entry()) === canonicalJson(expected);
  } catch {
    return false;
  }
};

async function* expectedEntries(events: AsyncIterable<RecordedEvent>, through: GlobalPosition) {
  const accounts = new Map<string, readonly string[]>();
  const apiUserAccounts = new Map<string, readonly string[]>();
  let prevHash = GENESIS_HASH;
  for await (const recorded of events) {
    if (recorded.position > through) return;
    const clientId = clientIdOfStream(recorded.stream);
    const username = clientId === null ? usernameOfStream(recorded.stream) : null;
    if (username !== null) {
      const event = fromRecordedApiUserEvent(recorded);
      const before = apiUserAccounts.get(username) ?? [];
      const entry = chainAuditEntry(describeApiUserEvent(recorded, event, username, before), prevHash);
      apiUserAccounts.set(username, apiUserAccountsAfter(event, before));
      prevHash = entry.hash;
      yield entry;
      continue;
    }
    if (clientId === null) continue;
    const event = fromRecordedEvent(recorded);
    const before = accounts.get(clientId) ?? [];
    const entry = chainAuditEntry(describeEvent(recorded, event, clientId, before), prevHash);
    accounts.set(clientId, accountsAfter(event, before));
    prevHash = entry.hash;
    yield entry;
  }
}

/** `stored` must hold the rows up to `options.through`, oldest first. */
export async function verifyAuditChain(
  events: AsyncIterable<RecordedEvent>,
  stored: Iterable<StoredAuditRow>,
  options: VerifyOptions,
): Promise<AuditVerification> {
  const rows = stored[Symbol.iterator]();
  let row = rows.next();
  let checked = 0;
  let head: AuditVerification['head'] = null;
  const bad = (position: GlobalPosition, problem: AuditProblem): AuditVerification => ({
    ok: false,
    checked,
    head,
    firstBad: { position, problem },
  });

  for await (const expected of expectedEntries(events, options.through)) {
    if (row.done || row.value.position > expected.position) return bad(expected.position, 'missing');
    if (row.value.position < expected.position) return bad(row.value.position, 'inserted');
    if (!sameEntry(expected, row.value)) return bad(expected.position, 'altered');
    checked++;
    head = { position: expected.position, hash: expected.hash };
    if (checked % 10_000 === 0) options.onProgress?.(expected.position);
    row = rows.next();
  }
  // Rows past the last event the log should hold were written by someone else.
  if (!row.done) return bad(row.value.position, 'inserted');
  const stray = options.findRowPastCheckpoint?.() ?? null;
  if (stray !== null) return bad(stray, 'inserted');
  const endHash = head?.hash ?? GENESIS_HASH;
  if (options.checkpointHash !== undefined && options.checkpointHash !== endHash) {
    return bad(options.through, 'altered');
  }
  return { ok: true, checked, head };
}
