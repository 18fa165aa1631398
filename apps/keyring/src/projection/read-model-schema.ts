/**
 * Tables of the read side: credentials, their secrets and live tokens, the
 * audit log, and the projector's checkpoint. They are derived data: a build
 * whose schema differs drops them and projects again from position 0.
 * Times are ISO-8601 UTC strings of one fixed length, so they compare as text.
 */
import type Database from 'better-sqlite3';
import { GENESIS_HASH } from './audit-log/audit-entry';

/** Bump on any change below; the read models are then rebuilt from the event store. */
/** 3: api_users, the legacy API users. */
export const READ_MODEL_SCHEMA_VERSION = 3;

const TABLES = [
  'checkpoint',
  'credentials',
  'credential_accounts',
  'secrets',
  'tokens',
  'audit_log',
  'audit_accounts',
  'api_users',
];

const CREATE_TABLES = `
  -- One row: the last event applied, and the audit chain's head. Written in the same transaction as the change.
  CREATE TABLE checkpoint (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    position        INTEGER NOT NULL,
    audit_head_hash TEXT    NOT NULL,
    events_applied  INTEGER NOT NULL
  );
  CREATE TABLE credentials (
    client_id            TEXT    PRIMARY KEY,
    -- Newest first = highest creation position first; unique, so it is the list's keyset.
    created_position     INTEGER NOT NULL UNIQUE,
    name                 TEXT    NOT NULL,
    description          TEXT    NOT NULL,
    environment          TEXT    NOT NULL,
    accounts             TEXT    NOT NULL,
    roles                TEXT    NOT NULL,
    apis                 TEXT    NOT NULL,
    allowed_ips          TEXT    NOT NULL,
    secret_lifetime_days INTEGER NOT NULL,
    status               TEXT    NOT NULL,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    revoked_at           TEXT,
    last_used_at         TEXT,
    revision             INTEGER NOT NULL
  );
  CREATE TABLE credential_accounts (
    account          TEXT    NOT NULL,
    created_position INTEGER NOT NULL,
    client_id        TEXT    NOT NULL,
    PRIMARY KEY (account, created_position)
  ) WITHOUT ROWID;
  CREATE TABLE secrets (
    client_id    TEXT NOT NULL,
    secret_id    TEXT NOT NULL,
    hint         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    deleted_at   TEXT,
    last_used_at TEXT,
    PRIMARY KEY (client_id, secret_id)
  ) WITHOUT ROWID;
  -- Tokens that may still be live; those expired when a newer one is issued are dropped, as in the domain.
  CREATE TABLE tokens (
    client_id  TEXT NOT NULL,
    jti        TEXT NOT NULL,
    secret_id  TEXT NOT NULL,
    issued_at  TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    scope      TEXT NOT NULL,
    source_ip  TEXT NOT NULL,
    revoked_at TEXT,
    PRIMARY KEY (client_id, jti)
  ) WITHOUT ROWID;
  CREATE TABLE audit_log (
    position     INTEGER PRIMARY KEY,
    occurred_at  TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    client_id    TEXT    NOT NULL,
    accounts     TEXT    NOT NULL,
    actor_type   TEXT    NOT NULL,
    actor_id     TEXT,
    on_behalf_of TEXT,
    source_ip    TEXT,
    request_id   TEXT,
    outcome      TEXT    NOT NULL,
    details      TEXT    NOT NULL,
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL
  );
  -- Legacy API users: never a password or its hash.
  CREATE TABLE api_users (
    username         TEXT    PRIMARY KEY,
    created_position INTEGER NOT NULL UNIQUE,
    accounts         TEXT    NOT NULL,
    roles            TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    password_set_at  TEXT,
    last_used_at     TEXT,
    migrated_to      TEXT,
    migrated_at      TEXT
  );
  CREATE TABLE audit_accounts (
    account  TEXT    NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (account, position)
  ) WITHOUT ROWID;
`;

/** Indexes for queries only; a rebuild creates them after loading, which is much faster than maintaining them. */
const SECONDARY_INDEXES = [
  'CREATE INDEX IF NOT EXISTS credential_accounts_by_client ON credential_accounts (client_id)',
  'CREATE INDEX IF NOT EXISTS audit_log_by_client ON audit_log (client_id, position)',
  'CREATE INDEX IF NOT EXISTS audit_log_by_actor ON audit_log (actor_id, position)',
  // Followers of a few actions (the revocation stream) find them without reading every other entry.
  'CREATE INDEX IF NOT EXISTS audit_log_by_action ON audit_log (action, position)',
];
const SECONDARY_INDEX_NAMES = SECONDARY_INDEXES.map((sql) => /EXISTS (\w+)/.exec(sql)![1]);

/** Creates the query indexes that are missing (all of them after a rebuild's load, or one that was cut short). */
export function createSecondaryIndexes(db: Database.Database): void {
  for (const sql of SECONDARY_INDEXES) db.exec(sql);
}

function dropTables(db: Database.Database): void {
  for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
}

function createTables(db: Database.Database): void {
  db.exec(CREATE_TABLES);
  createSecondaryIndexes(db);
  db.prepare(
    'INSERT INTO checkpoint (id, position, audit_head_hash, events_applied) VALUES (1, 0, ?, 0)',
  ).run(GENESIS_HASH);
}

/** Brings the file to this build's schema; a different schema is dropped and will be projected again. */
export function prepareReadModelSchema(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== READ_MODEL_SCHEMA_VERSION) {
      dropTables(db);
      createTables(db);
      db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION}`);
    }
    createSecondaryIndexes(db);
  }).immediate();
}

/**
 * Empties every read model and sets the checkpoint back to the start, in one
 * transaction, leaving out the query indexes: the caller loads the tables,
 * then calls `createSecondaryIndexes`.
 */
export function resetReadModelsForLoading(db: Database.Database): void {
  db.transaction(() => {
    dropTables(db);
    createTables(db);
    for (const name of SECONDARY_INDEX_NAMES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  }).immediate();
}
