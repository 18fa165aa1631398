import * as path from 'node:path';
import { ConfigurationError, parseEnvironment } from './environment';

describe('configuration from the environment', () => {
  it('has working defaults for a fresh machine', () => {
    const config = parseEnvironment({});
    expect(config.port).toBe(3000);
    expect(config.grpcPort).toBe(50051);
    expect(config.snapshots).toEqual({ sqliteFile: path.resolve('./data/snapshots.sqlite'), every: 100 });
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.eventStore).toEqual({
      kind: 'sqlite',
      sqliteFile: path.resolve('./data/events.sqlite'),
      sqliteSynchronous: 'FULL',
      connectionString: null,
    });
    expect(config.secretPepper).toBeNull();
    expect(config.roleCatalogue).toBeNull();
    expect(config.readModels).toEqual({
      sqliteFile: path.resolve('./data/read-models.sqlite'),
      consistencyWaitMs: 2000,
      pollIntervalMs: 100,
    });
  });

  it('throttles token requests by default, and reads the throttles from the environment', () => {
    expect(parseEnvironment({}).throttling).toEqual({
      refusalRecordLimit: 5,
      refusalWindowSeconds: 60,
      failedRequestLimit: 100,
      tokenIssueLimit: 30,
      tokenIssueWindowSeconds: 60,
      tableSize: 100_000,
    });
    expect(
      parseEnvironment({
        REFUSAL_RECORD_LIMIT: '0',
        REFUSAL_WINDOW_SECONDS: '2',
        FAILED_REQUEST_LIMIT: '20',
        TOKEN_ISSUE_LIMIT: '4',
        TOKEN_ISSUE_WINDOW_SECONDS: '10',
        THROTTLE_TABLE_SIZE: '1000',
      }).throttling,
    ).toEqual({
      refusalRecordLimit: 0,
      refusalWindowSeconds: 2,
      failedRequestLimit: 20,
      tokenIssueLimit: 4,
      tokenIssueWindowSeconds: 10,
      tableSize: 1000,
    });
  });

  it('names every bad throttle value and what is allowed', () => {
    const bad = () =>
      parseEnvironment({
        REFUSAL_RECORD_LIMIT: '-1',
        REFUSAL_WINDOW_SECONDS: '0',
        FAILED_REQUEST_LIMIT: 'many',
        TOKEN_ISSUE_LIMIT: '0',
        TOKEN_ISSUE_WINDOW_SECONDS: '86401',
        THROTTLE_TABLE_SIZE: '10',
      });
    expect(bad).toThrow('REFUSAL_RECORD_LIMIT must be an integer from 0 to 1000 (got "-1")');
    expect(bad).toThrow('REFUSAL_WINDOW_SECONDS must be an integer from 1 to 86400 (got "0")');
    expect(bad).toThrow('FAILED_REQUEST_LIMIT must be an integer from 1 to 1000000 (got "many")');
    expect(bad).toThrow('TOKEN_ISSUE_LIMIT must be an integer from 1 to 1000000 (got "0")');
    expect(bad).toThrow('TOKEN_ISSUE_WINDOW_SECONDS must be an integer from 1 to 86400 (got "86401")');
    expect(bad).toThrow('THROTTLE_TABLE_SIZE must be an integer from 100 to 10000000 (got "10")');
  });

  it('reads every variable it documents', () => {
    const config = parseEnvironment({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/keyring',
      LOG_LEVEL: 'DEBUG',
      KEYRING_SECRET_PEPPER: 'p'.repeat(40),
      ROLE_CATALOGUE: 'billing:read, billing:write',
      TRUST_PROXY: 'loopback,10.0.0.0/8',
      SQLITE_SYNCHRONOUS: 'normal',
      STATE_CACHE_SIZE: '5',
      SNAPSHOT_FILE: 'states.sqlite',
      SNAPSHOT_EVERY: '0',
      READ_MODEL_FILE: 'views.sqlite',
      READ_YOUR_WRITES_TIMEOUT_MS: '0',
      PROJECTION_POLL_MS: '250',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/keyring',
      logLevel: 'debug',
      roleCatalogue: ['billing:read', 'billing:write'],
      trustProxy: ['loopback', '10.0.0.0/8'],
      stateCacheSize: 5,
      snapshots: { sqliteFile: '/var/lib/keyring/states.sqlite', every: 0 },
    });
    expect(config.eventStore.sqliteSynchronous).toBe('NORMAL');
    expect(config.eventStore.sqliteFile).toBe('/var/lib/keyring/events.sqlite');
    expect(config.readModels).toEqual({
      sqliteFile: '/var/lib/keyring/views.sqlite',
      consistencyWaitMs: 0,
      pollIntervalMs: 250,
    });
  });

  it('selects EventStoreDB with its connection string, and says where it is missing or malformed', () => {
    const connectionString = 'esdb://node1:2113,node2:2113,node3:2113?tls=false&nodePreference=leader';
    expect(
      parseEnvironment({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: connectionString }).eventStore,
    ).toMatchObject({
      kind: 'esdb',
      connectionString,
    });
    expect(() => parseEnvironment({ EVENT_STORE: 'esdb' })).toThrow(
      'EVENTSTORE_CONNECTION_STRING is required with EVENT_STORE=esdb',
    );
    const malformed = () =>
      parseEnvironment({
        EVENT_STORE: 'esdb',
        EVENTSTORE_CONNECTION_STRING: 'https://admin:changeit@node1:2113',
      });
    expect(malformed).toThrow('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
    // The password never reaches the message.
    expect(malformed).toThrow('https://admin:***@node1:2113');
  });

  it('reads the API catalogue like the role catalogue, and names each bad entry', () => {
    expect(parseEnvironment({}).apiCatalogue).toBeNull();
    expect(
      parseEnvironment({ API_CATALOGUE: ' messaging, voice ,,https://api.example.com/numbers' }),
    ).toMatchObject({
      apiCatalogue: ['messaging', 'voice', 'https://api.example.com/numbers'],
    });
    const attempt = () => parseEnvironment({ API_CATALOGUE: 'messaging,two words,say"hi' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow('API_CATALOGUE entry "two words" must be an OAuth scope token');
    expect(attempt).toThrow('API_CATALOGUE entry "say"hi" must be an OAuth scope token');
    expect(() => attempt()).toThrow(
      expect.objectContaining({ problems: [expect.any(String), expect.any(String)] }),
    );
  });

  it('finds the admin console beside the build unless ADMIN_CONSOLE_DIR says where', () => {
    expect(parseEnvironment({}).adminConsoleDir).toBeNull();
    expect(parseEnvironment({ ADMIN_CONSOLE_DIR: 'web/console' }).adminConsoleDir).toBe(
      path.resolve('web/console'),
    );
  });

  it('names every bad variable and what it allows, all at once', () => {
    const attempt = () =>
      parseEnvironment({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        KEYRING_SECRET_PEPPER: 'short',
        ROLE_CATALOGUE: 'Admin',
        TRUST_PROXY: 'the-internet',
        EVENT_STORE: 'mongodb',
        PROJECTION_POLL_MS: '0',
      });
    expect(attempt).toThrow(ConfigurationError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT must be an integer from 0 to 65535 (got "eighty")');
      expect(message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
      expect(message).toContain('KEYRING_SECRET_PEPPER must be at least 32 characters');
      expect(message).not.toContain('short');
      expect(message).toContain('ROLE_CATALOGUE entry "Admin"');
      expect(message).toContain('TRUST_PROXY entry "the-internet"');
      expect(message).toContain('EVENT_STORE must be one of sqlite, esdb (got "mongodb")');
      expect(message).toContain('PROJECTION_POLL_MS must be an integer from 10 to 60000 (got "0")');
      expect((error as ConfigurationError).problems).toHaveLength(7);
    }
  });

  it('serves gRPC on GRPC_PORT, on a free port with 0, or not at all with off', () => {
    expect(parseEnvironment({ GRPC_PORT: '6000' }).grpcPort).toBe(6000);
    expect(parseEnvironment({ GRPC_PORT: '0' }).grpcPort).toBe(0);
    expect(parseEnvironment({ GRPC_PORT: 'OFF' }).grpcPort).toBeNull();
    expect(() => parseEnvironment({ GRPC_PORT: '70000' })).toThrow(
      'GRPC_PORT must be an integer from 0 to 65535, or off (got "70000")',
    );
    expect(() => parseEnvironment({ PORT: '6000', GRPC_PORT: '6000' })).toThrow(
      'GRPC_PORT must differ from PORT (both are 6000)',
    );
  });

  it('serves metrics and the detailed readiness report on 127.0.0.1:9000 unless told otherwise', () => {
    expect(parseEnvironment({}).management).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(parseEnvironment({ MANAGEMENT_HOST: '::1', MANAGEMENT_PORT: '0' }).management).toEqual({
      host: '::1',
      port: 0,
    });
    expect(parseEnvironment({ MANAGEMENT_PORT: 'off' }).management).toBeNull();
    expect(() => parseEnvironment({ MANAGEMENT_PORT: 'metrics' })).toThrow(
      'MANAGEMENT_PORT must be an integer from 0 to 65535, or off (got "metrics")',
    );
    expect(() => parseEnvironment({ PORT: '9000' })).toThrow(
      'MANAGEMENT_PORT must differ from PORT (both are 9000)',
    );
    expect(() => parseEnvironment({ GRPC_PORT: '7000', MANAGEMENT_PORT: '7000' })).toThrow(
      'MANAGEMENT_PORT must differ from GRPC_PORT (both are 7000)',
    );
    expect(() => parseEnvironment({ MANAGEMENT_HOST: 'not a host' })).toThrow(
      'MANAGEMENT_HOST must be an IP address or host name (got "not a host")',
    );
  });
});
