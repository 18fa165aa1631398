/** The service's configuration, parsed and validated from environment variables at start. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface KeyringConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** HMAC key for secret hashes; `null` = generate once into the data directory. */
  readonly secretPepper: string | null;
  /** When set, the only roles a credential may hold (besides the built-in ones). */
  readonly roleCatalogue: readonly string[] | null;
  /** Proxies whose X-Forwarded-For is believed (Express `trust proxy`); empty = none. */
  readonly trustProxy: readonly string[];
  readonly eventStore: {
    readonly kind: 'sqlite';
    readonly sqliteFile: string;
    readonly sqliteSynchronous: SqliteSynchronous;
  };
  /** How many credential states to keep in memory so loads read only new events. */
  readonly stateCacheSize: number;
}

export const KEYRING_CONFIG = Symbol('KEYRING_CONFIG');
