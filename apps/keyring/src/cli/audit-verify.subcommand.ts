/** `audit verify`: is the stored audit log what the event store says it must be? Exit 1 when not. */
import { AuditVerifier } from '../audit/audit-verifier';
import type { AuditVerification } from '../audit/verify-audit-chain';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { readCheckpoint } from '../projection/read-model-projection';
import { printLine } from './cli-output';
import { withEventStore, withReadModels } from './keyring-files';
import { progressReporter } from './progress-bar';

/** How far the check reached: the projector's checkpoint, which may trail the event store. */
interface Coverage {
  readonly checkpoint: number;
  readonly storeHead: number;
}

/**
 * Events past the checkpoint have no entries to check yet. Said out loud,
 * because a log cut short together with its checkpoint looks the same as
 * a projector that is behind.
 */
const uncheckedTail = ({ checkpoint, storeHead }: Coverage): string[] =>
  storeHead > checkpoint
    ? [
        `Events after position ${checkpoint} (up to ${storeHead}) are not in the log yet, so were not checked; ` +
          'let the service catch up (or run "projections rebuild") and verify again.',
      ]
    : [];

export function describeVerification(result: AuditVerification, coverage: Coverage): string[] {
  if (result.ok) {
    const head = result.head ? `head ${result.head.position} ${result.head.hash}` : 'the log is empty';
    return [`Audit log intact: ${result.checked} entries checked, ${head}`, ...uncheckedTail(coverage)];
  }
  const bad = result.firstBad;
  return [
    `Audit log NOT intact: first bad entry at position ${bad?.position} (${bad?.problem}); ` +
      `${result.checked} entries before it are intact`,
    // The events are the source of truth; rebuilding first would erase the evidence.
    'Keep a copy of the read-model file as evidence, then run "projections rebuild" to restore the log.',
  ];
}

export async function runAuditVerify(config: KeyringConfig, json: boolean): Promise<number> {
  const { result, coverage } = await withEventStore(config, (store) =>
    withReadModels(config, 'existing', async (db) => {
      const coverage = {
        checkpoint: readCheckpoint(db).position,
        storeHead: await store.headPosition(),
      };
      const progress = progressReporter('Verifying');
      try {
        const verification = await new AuditVerifier(store, db).verify((position, through) =>
          progress.update(position, through),
        );
        if (verification.ok) progress.complete(coverage.checkpoint);
        return { result: verification, coverage };
      } finally {
        progress.stop();
      }
    }),
  );
  if (json) printLine(JSON.stringify(result));
  else describeVerification(result, coverage).forEach(printLine);
  return result.ok ? 0 : 1;
}
