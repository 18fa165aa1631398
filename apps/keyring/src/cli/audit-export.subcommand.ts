/** `audit export`: the audit log as the projector wrote it up to now, oldest first, into a file. */
import { resolve } from 'node:path';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { AuditLogReader } from '../projection/audit-log/audit-log-reader';
import { readCheckpoint } from '../projection/read-model-projection';
import { type AuditExportRequest, exportAuditLog } from './audit-export';
import { printLine } from './cli-output';
import { withReadModels } from './keyring-files';
import { formatCount } from './progress-figures';
import { progressReporter } from './progress-bar';

export async function runAuditExport(config: KeyringConfig, request: AuditExportRequest): Promise<number> {
  const written = await withReadModels(config, 'existing', async (db) => {
    // Up to the checkpoint as it stands now: a fixed end, though the service may go on projecting.
    const through = readCheckpoint(db).position;
    const rows = new AuditLogReader(db).rows(0, through);
    const progress = progressReporter('Exporting');
    try {
      const exported = await exportAuditLog(rows, request, (position) => progress.update(position, through));
      progress.complete(through);
      return exported;
    } finally {
      progress.stop();
    }
  });
  printLine(`Exported ${formatCount(written)} audit entries (${request.format}) to ${resolve(request.out)}`);
  return 0;
}
