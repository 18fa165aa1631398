/** The service's configuration, parsed and validated from environment variables at start. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SqliteSynchronous = 'FULL' | 'NORMAL';
export type SigningAlgorithm = 'ES256' | 'EdDSA';
export type EventStoreKind = 'sqlite' | 'esdb';

export interface KeyringConfig {
  readonly host: string;
  readonly port: number;
  /** Port of the gRPC interface (credentials.v1) on the same host; null = gRPC is not served. */
  readonly grpcPort: number | null;
  /**
   * The management listener: Prometheus metrics and the detailed readiness report, kept off the
   * public port (as Keycloak does). null = not served; port 0 = a free port, logged at start.
   */
  readonly management: { readonly host: string; readonly port: number } | null;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** HMAC key for secret hashes; `null` = generate once into the data directory. */
  readonly secretPepper: string | null;
  /** When set, the only roles a credential may hold (besides the built-in ones). */
  readonly roleCatalogue: readonly string[] | null;
  /** When set, the only APIs (OAuth scopes) a credential may be granted. */
  readonly apiCatalogue: readonly string[] | null;
  /** Proxies whose X-Forwarded-For is believed (Express `trust proxy`); empty = none. */
  readonly trustProxy: readonly string[];
  readonly eventStore: {
    readonly kind: EventStoreKind;
    readonly sqliteFile: string;
    readonly sqliteSynchronous: SqliteSynchronous;
    /** EventStoreDB's connection string (`esdb://…`); set exactly when `kind` is `esdb`. */
    readonly connectionString: string | null;
  };
  readonly readModels: {
    /** SQLite file of the read models, the audit log and the projector's checkpoint. */
    readonly sqliteFile: string;
    /** How long a management command's response waits for the read models to show its change. */
    readonly consistencyWaitMs: number;
    /** How often the projector looks for events appended by other processes. */
    readonly pollIntervalMs: number;
  };
  /** How many credential states to keep in memory so loads read only new events. */
  readonly stateCacheSize: number;
  readonly snapshots: {
    /** SQLite file of credential-state snapshots: derived data, safe to delete. */
    readonly sqliteFile: string;
    /** Events between snapshots of one credential; 0 = no snapshots. */
    readonly every: number;
  };
  readonly tokens: {
    /** `iss` of every access token and the RFC 8414 metadata's issuer; no trailing slash. */
    readonly issuer: string;
    /** `aud` of every access token: the resource servers that accept them. */
    readonly audience: string;
    readonly ttlSeconds: number;
    /** Algorithm of newly generated signing keys. */
    readonly signingAlgorithm: SigningAlgorithm;
    /** The key ring: private signing keys, current and previous (JSON, mode 0600). */
    readonly signingKeysFile: string;
  };
  /** How failed and refused token requests are throttled and recorded (README: Security model). */
  readonly throttling: {
    /** Refused token requests recorded one event each per (client id, source address) and window. */
    readonly refusalRecordLimit: number;
    /** The window of the refusal records and of the failed-request limit. */
    readonly refusalWindowSeconds: number;
    /** Failed client authentications per source address (IPv6: per /64) and window; past it, 429. */
    readonly failedRequestLimit: number;
    /** Tokens one credential may be issued per window; past it, 429 (an issue/revoke loop). */
    readonly tokenIssueLimit: number;
    readonly tokenIssueWindowSeconds: number;
    /** Entries each in-memory throttling table holds; the oldest windows leave first. */
    readonly tableSize: number;
  };
  /** From this instant every HTTP Basic authentication of an API user is refused (BASIC_AUTH_RETIRES_AT). */
  readonly basicAuthRetiresAt: Date;
  /** The role a credential needs to call the management API (the seed's "Credential Access Role"). */
  readonly adminRole: string;
  /** How long stopping (SIGTERM, SIGINT) may take before open connections are cut and the process exits. */
  readonly shutdownTimeoutMs: number;
  /** The built admin console's files (index.html, assets/); null = dist/admin beside the service's build. */
  readonly adminConsoleDir: string | null;
}

export const KEYRING_CONFIG = Symbol('KEYRING_CONFIG');
