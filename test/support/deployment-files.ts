/**
 * Reading the deployment files as the tools that use them would: Compose
 * files (YAML with merge keys, `${VAR}` interpolation), EventStoreDB settings,
 * connection strings in @eventstore/db-client's syntax, and the Dockerfile's
 * instructions by stage. Text only: no container engine is involved.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export type Environment = Record<string, string>;
export type Variables = Readonly<Record<string, string>>;

const ROOT = path.resolve(__dirname, '../..');
const EVENTSTORE_HTTP_PORT = 2113;
/** Stands in for the operator's .env: the cluster file requires the pepper from there. */
export const OPERATOR_VARIABLES: Variables = { KEYRING_SECRET_PEPPER: 'f'.repeat(64) };

export interface Service {
  readonly image?: string;
  readonly build?: unknown;
  readonly environment?: Record<string, unknown> | string[];
  readonly ports?: (string | number | { published?: number | string; target: number })[];
  readonly volumes?: (string | { type?: string; source?: string; target: string })[];
  readonly healthcheck?: { test: string | string[] };
  readonly depends_on?: string[] | Record<string, { condition?: string }>;
}

export interface ComposeFile {
  readonly name?: string;
  readonly services: Record<string, Service>;
  readonly volumes?: Record<string, unknown>;
}

export function readCompose(file: string): ComposeFile {
  return parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as ComposeFile;
}

/** Compose's interpolation of `${NAME}`, `${NAME:-default}` and `${NAME:?error}`; `$$` is a literal `$`. */
function interpolate(value: string, variables: Variables): string {
  return value.replace(/\$\$|\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (whole, name, operator, argument) => {
    if (whole === '$$') return '$';
    const set = variables[name];
    if (set !== undefined && set !== '') return set;
    if (operator === '?') throw new Error(`${name} is required: ${argument}`);
    return operator === '-' ? argument : '';
  });
}

/** A service's environment as written in the file, before interpolation. */
export function rawEnvironment(service: Service): Environment {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2))
    : Object.entries(service.environment ?? {}).filter(([, value]) => value !== null);
  return Object.fromEntries(entries.map(([name, value]) => [name, String(value)]));
}

/** A service's environment as Compose passes it to the container, with `${VAR}` interpolated. */
export function environmentOf(service: Service, variables = OPERATOR_VARIABLES): Environment {
  const raw = rawEnvironment(service);
  return Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, interpolate(value, variables)]),
  );
}

/** An EventStoreDB (or KurrentDB) setting, whichever prefix the image reads. */
export function nodeSetting(service: Service, setting: string): string | undefined {
  const environment = environmentOf(service);
  return environment[`EVENTSTORE_${setting}`] ?? environment[`KURRENTDB_${setting}`];
}

export const isEventStoreNode = (service: Service) => /eventstore|kurrentdb/i.test(service.image ?? '');
/** Keyring is the service built from this repository's Dockerfile. */
export const isKeyring = (service: Service) => service.build !== undefined;

export function servicesWhere(
  compose: ComposeFile,
  predicate: (service: Service) => boolean,
): [string, Service][] {
  return Object.entries(compose.services).filter(([, service]) => predicate(service));
}

/** The node's HTTP port (gRPC clients, gossip and health checks all use it). */
export function nodePort(node: Service): number {
  return Number(nodeSetting(node, 'NODE_PORT') ?? nodeSetting(node, 'HTTP_PORT') ?? EVENTSTORE_HTTP_PORT);
}

export const isInsecure = (node: Service) => nodeSetting(node, 'INSECURE') === 'true';

/** Each published port as [host side, container side] ("[ip:]host:container[/protocol]" or the long form). */
export function publishedPorts(service: Service): [number, number][] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return [Number(port.published), Number(port.target)];
    const parts = String(port).split('/')[0].split(':');
    return [Number(parts[parts.length - 2]), Number(parts[parts.length - 1])];
  });
}

/** Named volumes mounted by a service, as source → target (bind mounts left out). */
export function namedVolumes(service: Service): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const volume of service.volumes ?? []) {
    const [source, target] =
      typeof volume === 'string' ? volume.split(':') : [volume.source ?? '', volume.target];
    if (source !== '' && !/^[./~]/.test(source)) mounts.set(source, target);
  }
  return mounts;
}

/** A Compose health check's command line, without the CMD / CMD-SHELL marker. */
export function healthcheckCommand(service: Service): string {
  const test = service.healthcheck?.test ?? [];
  const parts = Array.isArray(test) ? test.filter((part) => part !== 'CMD' && part !== 'CMD-SHELL') : [test];
  return parts.join(' ');
}

export interface ConnectionString {
  readonly discover: boolean;
  readonly hosts: { host: string; port: number }[];
  readonly options: URLSearchParams;
}

/** @eventstore/db-client's syntax: esdb[+discover]://[user:password@]host[:port][,host[:port]…][?options]. */
export function parseConnectionString(connectionString: string): ConnectionString {
  const match = /^esdb(\+discover)?:\/\/(?:[^@/]+@)?([^?/]+)\/?(?:\?(.*))?$/.exec(connectionString);
  if (match === null) throw new Error(`not an esdb:// connection string: ${connectionString}`);
  const hosts = match[2].split(',').map((entry) => {
    const [host, port = String(EVENTSTORE_HTTP_PORT)] = entry.split(':');
    return { host, port: Number(port) };
  });
  return { discover: match[1] !== undefined, hosts, options: new URLSearchParams(match[3] ?? '') };
}

export interface Instruction {
  readonly keyword: string;
  readonly argument: string;
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped, split into stages. */
export function readDockerfileStages(): Instruction[][] {
  const text = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const lines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const stages: Instruction[][] = [[]];
  for (const line of lines) {
    const [, keyword, argument] = /^\s*(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') stages.push([]);
    stages[stages.length - 1].push({ keyword: keyword.toUpperCase(), argument: argument.trim() });
  }
  return stages;
}

/** `ENV A=1 B=2` pairs of a stage (this file writes no quoted values). */
export function dockerfileEnvironment(stage: Instruction[]): Environment {
  return Object.fromEntries(
    stage
      .filter(({ keyword }) => keyword === 'ENV')
      .flatMap(({ argument }) => argument.split(/\s+/).map((pair) => pair.split(/=(.*)/s).slice(0, 2))),
  );
}

/** The arguments of a stage's instructions with this keyword, in order. */
export const instructionsOf = (stage: Instruction[], keyword: string): string[] =>
  stage.filter((instruction) => instruction.keyword === keyword).map(({ argument }) => argument);
