/**
 * Keyring's command line: `npm run cli -- <command>`. Each sub-command lives
 * in its own `*.subcommand.ts` (a CLI sub-command, not a bus command nor a
 * domain command); this file parses, dispatches and turns failures into exit
 * statuses (see USAGE).
 */
import 'reflect-metadata';
import { ConfigurationError, parseEnvironment } from '../platform/config/environment';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { createFilesPrivately } from '../platform/persistence/private-files';
import { type CliSubcommand, parseCliArguments, USAGE, UsageError } from './cli-arguments';
import { printLine } from './cli-output';
import { describeError } from './describe-error';

/**
 * Each sub-command's code is loaded only when it runs: the service's modules,
 * which bootstrap-admin needs, take most of a second to load, and the
 * file-based sub-commands need none of them.
 */
async function execute(
  config: KeyringConfig,
  subcommand: Exclude<CliSubcommand, { name: 'help' }>,
): Promise<number> {
  switch (subcommand.name) {
    case 'bootstrap-admin':
      return (await import('./bootstrap-admin.subcommand')).runBootstrapAdmin(config, subcommand);
    case 'keys-rotate':
      return (await import('./keys-rotate.subcommand')).runKeysRotate(config, subcommand.json);
    case 'audit-export':
      return (await import('./audit-export.subcommand')).runAuditExport(config, subcommand);
    case 'audit-verify':
      return (await import('./audit-verify.subcommand')).runAuditVerify(config, subcommand.json);
    case 'access':
      return (await import('./access.subcommand')).runAccess(config, subcommand);
    case 'api-users-report':
      return (await import('./api-users-report.subcommand')).runApiUsersReport(config, subcommand.json);
    case 'projections-rebuild':
      return (await import('./projections-rebuild.subcommand')).runProjectionsRebuild(config);
  }
}

async function run(argv: readonly string[]): Promise<number> {
  // Exports and data files alike: an audit trail is no one else's to read.
  createFilesPrivately();
  const subcommand = parseCliArguments(argv);
  if (subcommand.name === 'help') {
    printLine(USAGE);
    return 0;
  }
  return execute(parseEnvironment({ LOG_LEVEL: 'warn', ...process.env }), subcommand);
}

const usageProblem = (error: unknown): boolean =>
  error instanceof UsageError || error instanceof ConfigurationError;

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exit(usageProblem(error) ? 2 : 1);
  },
);
