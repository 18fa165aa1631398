/**
 * Parses `keyring <command> [options]`: the command's words first, then its
 * options, each command accepting only its own. Usage errors name what was
 * wrong and how to ask for help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AccessRequest } from './access.subcommand';
import type { AuditExportRequest } from './audit-export';
import type { BootstrapAdminRequest } from './bootstrap-admin.subcommand';
import { account, exportFormat, instant, required, UsageError } from './cli-option-values';

export { UsageError } from './cli-option-values';

export type CliSubcommand =
  | ({ readonly name: 'bootstrap-admin' } & BootstrapAdminRequest)
  | { readonly name: 'keys-rotate'; readonly json: boolean }
  | ({ readonly name: 'audit-export' } & AuditExportRequest)
  | { readonly name: 'audit-verify'; readonly json: boolean }
  | ({ readonly name: 'access' } & AccessRequest)
  | { readonly name: 'projections-rebuild' }
  | { readonly name: 'api-users-report'; readonly json: boolean }
  | { readonly name: 'help' };

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  bootstrap-admin [--accounts <a,b|*>] [--json] [--force]
      Create the first admin credential and print its client ID and secret once.
      --accounts  accounts it may manage, comma-separated; default "*" (all)
      --json      print {"clientId", "clientSecret"} on stdout and nothing else
      --force     create one even though an active admin credential exists
  keys rotate [--json]
      Add a new current signing key; the previous one stays published until
      every token it signed has expired.
  audit export --format <jsonl|csv> --out <file> [--from <instant>] [--to <instant>] [--account <id>]
      Write the audit log, oldest entry first, to a file: whole or not at all,
      replacing the file if it exists.
      --format    jsonl: one JSON entry per line; csv: RFC 4180 with a header row,
                  lists and objects as JSON in their cell
      --from      only entries that occurred at or after this instant
      --to        only entries that occurred before this instant
      --account   only entries concerning this account
  audit verify [--json]
      Check the audit log against the event store. Exit status 0 when it is
      intact; 1 when not, naming the first bad entry and what is wrong with it
      (altered, missing or inserted).
      --json      print the verification result as JSON
  access --account <id> --at <instant> [--json]
      List the credentials that could obtain a token for the account at that
      instant, with their secrets, replayed from the event store.
      --json      print the answer as JSON, as GET /v1/access does
  api-users report [--json]
      Every legacy API user not yet migrated to a client credential: its accounts,
      last use and the days left before Basic authentication is retired.
      --json      print the report as JSON, as GET /v1/api-users/report does
  projections rebuild
      Rebuild every read model and the audit log from the event store. Safe
      while the service runs.
  help
      Show this text.

Instants are ISO-8601: a date (midnight UTC) or a date-time with its offset,
e.g. 2026-01-31 or 2026-01-31T09:30:00Z.
Progress goes to stderr, results to stdout. Exit status: 0 done, 1 failed (or
audit log not intact), 2 usage or configuration error, 3 admin already exists.
Configuration comes from the same environment variables as the service (DATA_DIR, ...).
Use "npm run -s cli -- ..." to keep npm's own banner off stdout.`;

type Options = NonNullable<ParseArgsConfig['options']>;

function readOptions<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${command}: ${message}`);
  }
}

const flag = { type: 'boolean', default: false } as const;
const text = { type: 'string' } as const;

const SUBCOMMANDS: Record<string, (args: string[]) => CliSubcommand> = {
  'bootstrap-admin': (args) => {
    const values = readOptions('bootstrap-admin', args, { accounts: text, json: flag, force: flag });
    const accounts = (values.accounts ?? '*')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (accounts.length === 0) throw new UsageError('--accounts needs at least one account, or "*"');
    return { name: 'bootstrap-admin', accounts, json: values.json, force: values.force };
  },
  'keys rotate': (args) => ({ name: 'keys-rotate', ...readOptions('keys rotate', args, { json: flag }) }),
  'audit export': (args) => {
    const values = readOptions('audit export', args, {
      format: text,
      out: text,
      from: text,
      to: text,
      account: text,
    });
    const from = values.from === undefined ? undefined : instant('from', values.from);
    const to = values.to === undefined ? undefined : instant('to', values.to);
    if (from !== undefined && to !== undefined && from >= to) {
      throw new UsageError(`--from (${from}) must be before --to (${to})`);
    }
    return {
      name: 'audit-export',
      format: exportFormat(required('format', values.format)),
      out: required('out', values.out),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(values.account === undefined ? {} : { account: account('account', values.account) }),
    };
  },
  'audit verify': (args) => ({ name: 'audit-verify', ...readOptions('audit verify', args, { json: flag }) }),
  access: (args) => {
    const values = readOptions('access', args, { account: text, at: text, json: flag });
    return {
      name: 'access',
      account: account('account', required('account', values.account)),
      at: instant('at', required('at', values.at)),
      json: values.json,
    };
  },
  'api-users report': (args) => ({
    name: 'api-users-report',
    ...readOptions('api-users report', args, { json: flag }),
  }),
  'projections rebuild': (args) => {
    readOptions('projections rebuild', args, {});
    return { name: 'projections-rebuild' };
  },
  help: () => ({ name: 'help' }),
};

export function parseCliArguments(argv: readonly string[]): CliSubcommand {
  if (argv.includes('--help') || argv.includes('-h')) return { name: 'help' };
  const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
  const wordCount = firstOption === -1 ? argv.length : firstOption;
  const words = argv.slice(0, wordCount).join(' ');
  if (argv.length === 0) return { name: 'help' };
  if (words === '') throw new UsageError(`Name the command before its options (got "${argv[0]}")`);
  const parse = Object.hasOwn(SUBCOMMANDS, words) ? SUBCOMMANDS[words] : undefined;
  if (!parse) throw new UsageError(`Unknown command "${words}"`);
  return parse(argv.slice(wordCount));
}
