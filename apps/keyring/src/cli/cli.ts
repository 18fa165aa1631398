/**
 * Keyring's command line: `npm run cli -- <command>`. Each command lives in
 * its own file; this one parses, dispatches and turns failures into exit
 * statuses (see USAGE).
 */
import 'reflect-metadata';
import { ConfigurationError, parseEnvironment } from '../platform/config/environment';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { type CliCommand, parseCliArguments, USAGE, UsageError } from './cli-arguments';
import { printLine } from './cli-output';
import { describeError } from './describe-error';

/**
 * Each command's code is loaded only when it runs: the service's modules,
 * which bootstrap-admin needs, take most of a second to load, and the
 * file-based commands need none of them.
 */
async function execute(
  config: KeyringConfig,
  command: Exclude<CliCommand, { name: 'help' }>,
): Promise<number> {
  switch (command.name) {
    case 'bootstrap-admin':
      return (await import('./bootstrap-admin-command')).bootstrapAdminCommand(config, command);
    case 'keys-rotate':
      return (await import('./rotate-keys-command')).rotateKeysCommand(config, command.json);
    case 'audit-export':
      return (await import('./audit-export-command')).auditExportCommand(config, command);
    case 'audit-verify':
      return (await import('./audit-verify-command')).auditVerifyCommand(config, command.json);
    case 'access':
      return (await import('./access-command')).accessCommand(config, command);
    case 'projections-rebuild':
      return (await import('./rebuild-command')).rebuildCommand(config);
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const command = parseCliArguments(argv);
  if (command.name === 'help') {
    printLine(USAGE);
    return 0;
  }
  return execute(parseEnvironment({ LOG_LEVEL: 'warn', ...process.env }), command);
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
