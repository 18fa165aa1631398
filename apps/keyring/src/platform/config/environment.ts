/**
 * Parses environment variables into a KeyringConfig. Every bad value is
 * reported at once, each naming the variable and what is allowed, so that a
 * misconfigured deployment fails at start with one readable message.
 */
import * as path from 'node:path';
import * as ipaddr from 'ipaddr.js';
import {
  BUILT_IN_ROLES,
  DEFAULT_BASIC_AUTH_RETIRES_AT,
  ROLE_PATTERN,
  SCOPE_TOKEN_PATTERN,
} from '@keyring/domain';
import type {
  EventStoreKind,
  KeyringConfig,
  LogLevel,
  SigningAlgorithm,
  SqliteSynchronous,
} from './keyring-config';

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const SYNCHRONOUS_MODES: readonly SqliteSynchronous[] = ['FULL', 'NORMAL'];
const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['ES256', 'EdDSA'];
const EVENT_STORE_KINDS: readonly EventStoreKind[] = ['sqlite', 'esdb'];
const ESDB_CONNECTION_STRING = /^esdb(\+discover)?:\/\/\S+$/;
/** RFC 8414 §2: an https URL (http allowed for local use) without query or fragment. */
const ISSUER_PATTERN = /^https?:\/\/[^\s?#]+$/;
/** Express's named proxy ranges, accepted besides addresses and CIDR blocks. */
const TRUST_PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];
const MIN_PEPPER_LENGTH = 32;
const DEFAULT_GRPC_PORT = 50051;
const DEFAULT_MANAGEMENT_PORT = 9000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const isHostName = (host: string): boolean => ipaddr.isValid(host) || /^[A-Za-z0-9.-]{1,253}$/.test(host);

export function parseEnvironment(env: Environment): KeyringConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const oneOf = <T extends string>(
    name: string,
    allowed: readonly T[],
    fallback: T,
    normalise = (v: string) => v,
  ) => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = normalise(raw) as T;
    if (!allowed.includes(value)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const list = (name: string): string[] | null => {
    const raw = read(name);
    if (raw === undefined) return null;
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  };

  const host = read('HOST') ?? '127.0.0.1';
  if (!isHostName(host)) {
    problems.push(`HOST must be an IP address or host name (got "${host}")`);
  }
  // Loopback by default: metrics and the detailed readiness report are for operators, not the public.
  const managementHost = read('MANAGEMENT_HOST') ?? '127.0.0.1';
  if (!isHostName(managementHost)) {
    problems.push(`MANAGEMENT_HOST must be an IP address or host name (got "${managementHost}")`);
  }

  const secretPepper = read('KEYRING_SECRET_PEPPER') ?? null;
  if (secretPepper !== null && secretPepper.length < MIN_PEPPER_LENGTH) {
    problems.push(
      `KEYRING_SECRET_PEPPER must be at least ${MIN_PEPPER_LENGTH} characters of random data ` +
        `(got ${secretPepper.length}); leave it unset to generate one in DATA_DIR`,
    );
  }

  const roleCatalogue = list('ROLE_CATALOGUE');
  for (const role of roleCatalogue ?? []) {
    if (!ROLE_PATTERN.test(role)) {
      problems.push(`ROLE_CATALOGUE entry "${role}" must match ${ROLE_PATTERN.source}`);
    }
  }

  const apiCatalogue = list('API_CATALOGUE');
  for (const api of apiCatalogue ?? []) {
    if (!SCOPE_TOKEN_PATTERN.test(api)) {
      problems.push(
        `API_CATALOGUE entry "${api}" must be an OAuth scope token: 1–128 printable ASCII characters without spaces, '"' or '\\'`,
      );
    }
  }

  const trustProxy = list('TRUST_PROXY') ?? [];
  for (const entry of trustProxy) {
    if (!TRUST_PROXY_KEYWORDS.includes(entry) && !ipaddr.isValid(entry) && !isCidr(entry)) {
      problems.push(
        `TRUST_PROXY entry "${entry}" must be an IP address, a CIDR block or one of ${TRUST_PROXY_KEYWORDS.join(', ')}`,
      );
    }
  }

  const eventStoreKind = oneOf('EVENT_STORE', EVENT_STORE_KINDS, 'sqlite', (v) => v.toLowerCase());
  const connectionString = read('EVENTSTORE_CONNECTION_STRING') ?? null;
  if (eventStoreKind === 'esdb' && connectionString === null) {
    problems.push(
      'EVENTSTORE_CONNECTION_STRING is required with EVENT_STORE=esdb (e.g. esdb://localhost:2113?tls=false)',
    );
  }
  if (connectionString !== null && !ESDB_CONNECTION_STRING.test(connectionString)) {
    problems.push(
      `EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover:// (got "${redactConnectionString(connectionString)}")`,
    );
  }
  const dataDir = path.resolve(read('DATA_DIR') ?? './data');
  const port = integer('PORT', 3000, 0, 65535);
  const grpcPort = portOrOff('GRPC_PORT', read('GRPC_PORT'), DEFAULT_GRPC_PORT, problems);
  if (grpcPort !== null && grpcPort !== 0 && grpcPort === port) {
    problems.push(`GRPC_PORT must differ from PORT (both are ${port})`);
  }
  const managementPort = portOrOff(
    'MANAGEMENT_PORT',
    read('MANAGEMENT_PORT'),
    DEFAULT_MANAGEMENT_PORT,
    problems,
  );
  for (const [name, other] of [
    ['PORT', port],
    ['GRPC_PORT', grpcPort],
  ] as const) {
    if (managementPort !== null && managementPort !== 0 && managementPort === other) {
      problems.push(`MANAGEMENT_PORT must differ from ${name} (both are ${managementPort})`);
    }
  }

  const issuer = (read('ISSUER') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(
    /\/+$/,
    '',
  );
  if (!ISSUER_PATTERN.test(issuer)) {
    problems.push(`ISSUER must be an http(s) URL without query or fragment (got "${issuer}")`);
  }
  const audience = read('TOKEN_AUDIENCE') ?? issuer;
  if (!/^[\x21-\x7E]{1,200}$/.test(audience)) {
    problems.push(`TOKEN_AUDIENCE must be 1-200 printable characters without spaces (got "${audience}")`);
  }
  const adminRole = read('ADMIN_ROLE') ?? BUILT_IN_ROLES.admin;
  if (!ROLE_PATTERN.test(adminRole)) {
    problems.push(`ADMIN_ROLE must match ${ROLE_PATTERN.source} (got "${adminRole}")`);
  }
  const retiresAtText = read('BASIC_AUTH_RETIRES_AT') ?? DEFAULT_BASIC_AUTH_RETIRES_AT;
  const basicAuthRetiresAt = new Date(retiresAtText);
  if (!ISO_INSTANT.test(retiresAtText) || Number.isNaN(basicAuthRetiresAt.getTime())) {
    problems.push(
      `BASIC_AUTH_RETIRES_AT must be an ISO-8601 instant such as 2026-12-02T00:00:00Z (got "${retiresAtText}")`,
    );
  }
  const adminConsoleDir = read('ADMIN_CONSOLE_DIR');
  const config: KeyringConfig = {
    host,
    port,
    grpcPort,
    management: managementPort === null ? null : { host: managementHost, port: managementPort },
    dataDir,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info', (v) => v.toLowerCase()),
    secretPepper,
    roleCatalogue,
    apiCatalogue,
    trustProxy,
    eventStore: {
      kind: eventStoreKind,
      sqliteFile: path.resolve(dataDir, read('SQLITE_FILE') ?? 'events.sqlite'),
      sqliteSynchronous: oneOf('SQLITE_SYNCHRONOUS', SYNCHRONOUS_MODES, 'FULL', (v) => v.toUpperCase()),
      connectionString: eventStoreKind === 'esdb' ? connectionString : null,
    },
    readModels: {
      sqliteFile: path.resolve(dataDir, read('READ_MODEL_FILE') ?? 'read-models.sqlite'),
      consistencyWaitMs: integer('READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, 60_000),
      pollIntervalMs: integer('PROJECTION_POLL_MS', 100, 10, 60_000),
    },
    stateCacheSize: integer('STATE_CACHE_SIZE', 10_000, 0, 10_000_000),
    snapshots: {
      sqliteFile: path.resolve(dataDir, read('SNAPSHOT_FILE') ?? 'snapshots.sqlite'),
      every: integer('SNAPSHOT_EVERY', 100, 0, 1_000_000),
    },
    tokens: {
      issuer,
      audience,
      // Seed rule: tokens are refreshed hourly. At least a minute, at most a day.
      ttlSeconds: integer('TOKEN_TTL_SECONDS', 3600, 60, 86_400),
      signingAlgorithm: oneOf('SIGNING_ALGORITHM', SIGNING_ALGORITHMS, 'ES256'),
      signingKeysFile: path.resolve(dataDir, read('SIGNING_KEYS_FILE') ?? 'signing-keys.json'),
    },
    throttling: {
      refusalRecordLimit: integer('REFUSAL_RECORD_LIMIT', 5, 0, 1000),
      refusalWindowSeconds: integer('REFUSAL_WINDOW_SECONDS', 60, 1, 86_400),
      failedRequestLimit: integer('FAILED_REQUEST_LIMIT', 100, 1, 1_000_000),
      tokenIssueLimit: integer('TOKEN_ISSUE_LIMIT', 30, 1, 1_000_000),
      tokenIssueWindowSeconds: integer('TOKEN_ISSUE_WINDOW_SECONDS', 60, 1, 86_400),
      tableSize: integer('THROTTLE_TABLE_SIZE', 100_000, 100, 10_000_000),
    },
    basicAuthRetiresAt,
    adminRole,
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    adminConsoleDir: adminConsoleDir === undefined ? null : path.resolve(adminConsoleDir),
  };

  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

/** A connection string fit for messages: the password, if any, is replaced. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}

/** `off` serves nothing on that listener; 0 picks a free port, as PORT=0 does. */
function portOrOff(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number | null {
  if (raw === undefined) return fallback;
  if (raw.toLowerCase() === 'off') return null;
  const value = Number(raw);
  if (/^\d+$/.test(raw) && value <= 65535) return value;
  problems.push(`${name} must be an integer from 0 to 65535, or off (got "${raw}")`);
  return fallback;
}

function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}
