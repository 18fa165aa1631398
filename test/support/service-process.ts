/** The service as its own process, started from source as an operator would run it, for fault tests. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(__dirname, '../..');
export const REGISTER = path.join(ROOT, 'scripts/ts-register.js');
const MAIN = path.join(ROOT, 'apps/keyring/src/main.ts');
const CLI = path.join(ROOT, 'apps/keyring/src/cli/cli.ts');

/** How to run the service and the CLI: from source, or the webpack bundle `npm start` runs. */
export interface Entry {
  readonly main: readonly string[];
  readonly cli: readonly string[];
}

export const FROM_SOURCE: Entry = { main: ['--require', REGISTER, MAIN], cli: ['--require', REGISTER, CLI] };
export const BUILT: Entry = {
  main: [path.join(ROOT, 'dist/apps/keyring/main.js')],
  cli: [path.join(ROOT, 'dist/apps/keyring/cli.js')],
};

export interface ServiceProcess {
  readonly child: ChildProcess;
  output(): string;
  /** The exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  signal(): NodeJS.Signals | null;
}

export function startServiceProcess(env: Record<string, string>, entry: Entry = FROM_SOURCE): ServiceProcess {
  let output = '';
  const child = spawn(process.execPath, [...entry.main], {
    cwd: ROOT,
    // A free management port unless the test names one: parallel test processes never fight over 9000.
    env: { PATH: process.env.PATH ?? '', MANAGEMENT_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let signal: NodeJS.Signals | null = null;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, exitSignal) => {
      signal = exitSignal;
      resolve(code);
    }),
  );
  return { child, output: () => output, exited, signal: () => signal };
}

/** Runs the CLI on the same data; resolves with its stdout. */
export async function runCliProcess(env: Record<string, string>, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...FROM_SOURCE.cli, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return stdout;
}

export async function freePortNumber(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitUntilReady(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Keyring did not become ready at ${baseUrl}`);
}
