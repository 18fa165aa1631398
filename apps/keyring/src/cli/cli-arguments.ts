/** Parses `keyring <command> [options]`; usage errors name what was wrong and how to ask for help. */
import { parseArgs } from 'node:util';

export type CliCommand =
  | {
      readonly name: 'bootstrap-admin';
      readonly accounts: string[];
      readonly json: boolean;
      readonly force: boolean;
    }
  | { readonly name: 'keys-rotate'; readonly json: boolean }
  | { readonly name: 'help' };

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\nRun with "help" for usage.`);
    this.name = 'UsageError';
  }
}

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
  help
      Show this text.

Configuration comes from the same environment variables as the service (DATA_DIR, ...).
Use "npm run -s cli -- ..." to keep npm's own banner off stdout.`;

export function parseCliArguments(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        accounts: { type: 'string' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { positionals, values } = parsed;
  const words = positionals.join(' ');
  if (values.help || words === 'help' || words === '') return { name: 'help' };
  if (words === 'bootstrap-admin') {
    const accounts = (values.accounts ?? '*')
      .split(',')
      .map((account) => account.trim())
      .filter((account) => account !== '');
    if (accounts.length === 0) throw new UsageError('--accounts needs at least one account, or "*"');
    return { name: 'bootstrap-admin', accounts, json: values.json, force: values.force };
  }
  if (values.accounts !== undefined || values.force) {
    throw new UsageError(`--accounts and --force belong to bootstrap-admin, not "${words}"`);
  }
  if (words === 'keys rotate') return { name: 'keys-rotate', json: values.json };
  throw new UsageError(`Unknown command "${words}"`);
}
