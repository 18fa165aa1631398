/**
 * Keeps the credential tables in step with the events. It applies exactly
 * the events the domain's `evolve` applies (`eventApplies`), and drops
 * expired tokens when a newer one is issued, as `evolve` does.
 *
 * Token traffic is most of the log, so what it changes that only the last
 * event matters for (revision, last use, which tokens have expired) is
 * gathered over a batch and written once per credential by `flush()`,
 * inside the batch's transaction. Tokens issued in the batch wait in memory
 * too: most have expired by the batch's end and never reach the table.
 */
import type Database from 'better-sqlite3';
import {
  CHANGEABLE_FIELDS,
  type CredentialCreated,
  type CredentialEvent,
  type CredentialUpdated,
  eventApplies,
} from '@keyring/domain';
import type { RecordedEvent } from '@keyring/event-store';
import { BulkInsert } from '../bulk-insert';
import { FIELD_COLUMNS, STORED_FIELDS, storedValue } from './credential-columns';

type Run = Database.Statement<unknown[]>;

interface PendingToken {
  readonly row: unknown[];
  readonly expiresAt: string;
}

interface PendingCredential {
  revision: number;
  lastIssuedAt: string | null;
  readonly tokens: Map<string, PendingToken>;
}

/** Column order of a token row; `revoked_at` last so a revocation in the batch can fill it in. */
const TOKEN_COLUMNS = 'client_id, jti, secret_id, issued_at, expires_at, scope, source_ip, revoked_at';
const FIELD_COLUMN_LIST = STORED_FIELDS.map((field) => FIELD_COLUMNS[field]).join(', ');
const FIELD_PLACEHOLDERS = STORED_FIELDS.map(() => '?').join(', ');
/** An update sets the columns of the fields it changes and leaves the others (given as NULL) alone. */
const CHANGED_COLUMNS = CHANGEABLE_FIELDS.map((field) => FIELD_COLUMNS[field])
  .map((column) => `${column} = COALESCE(?, ${column})`)
  .join(', ');

export class CredentialProjection {
  private readonly selectAccounts: Database.Statement<[string], string>;
  private readonly insertCredential: Run;
  private readonly insertAccount: Run;
  private readonly deleteAccounts: Run;
  private readonly updateFields: Run;
  private readonly updateLastUsed: Run;
  private readonly revokeCredential: Run;
  private readonly insertSecret: Run;
  private readonly deleteSecret: Run;
  private readonly markSecretUsed: Run;
  private readonly dropExpiredTokens: Run;
  private readonly tokenRows: BulkInsert;
  private readonly revokeToken: Run;
  /** Per credential: its newest revision, the newest token issue time, and the tokens issued in the batch. */
  private readonly pending = new Map<string, PendingCredential>();
  /** Per credential, per secret: when the secret last authenticated a token request. */
  private readonly pendingSecretUse = new Map<string, Map<string, string>>();

  constructor(db: Database.Database) {
    this.selectAccounts = db
      .prepare<[string], string>('SELECT accounts FROM credentials WHERE client_id = ?')
      .pluck();
    this.insertCredential = db.prepare(
      `INSERT OR IGNORE INTO credentials (client_id, created_position, ${FIELD_COLUMN_LIST},
         status, created_at, updated_at, revision)
       VALUES (?, ?, ${FIELD_PLACEHOLDERS}, 'active', ?, ?, ?)`,
    );
    this.insertAccount = db.prepare(
      `INSERT OR IGNORE INTO credential_accounts (account, created_position, client_id)
       SELECT ?, created_position, client_id FROM credentials WHERE client_id = ?`,
    );
    this.deleteAccounts = db.prepare('DELETE FROM credential_accounts WHERE client_id = ?');
    this.updateFields = db.prepare(
      `UPDATE credentials SET ${CHANGED_COLUMNS}, updated_at = ?, revision = ? WHERE client_id = ?`,
    );
    this.updateLastUsed = db.prepare(
      'UPDATE credentials SET last_used_at = COALESCE(?, last_used_at), revision = ? WHERE client_id = ?',
    );
    this.revokeCredential = db.prepare(
      `UPDATE credentials SET status = 'revoked', revoked_at = ?, revision = ?
       WHERE client_id = ? AND status = 'active'`,
    );
    this.insertSecret = db.prepare(
      'INSERT OR IGNORE INTO secrets (client_id, secret_id, hint, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteSecret = db.prepare(
      'UPDATE secrets SET deleted_at = ? WHERE client_id = ? AND secret_id = ? AND deleted_at IS NULL',
    );
    this.markSecretUsed = db.prepare(
      'UPDATE secrets SET last_used_at = ? WHERE client_id = ? AND secret_id = ?',
    );
    this.dropExpiredTokens = db.prepare('DELETE FROM tokens WHERE client_id = ? AND expires_at <= ?');
    this.tokenRows = new BulkInsert(db, `INSERT OR IGNORE INTO tokens (${TOKEN_COLUMNS})`, 8);
    this.revokeToken = db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE client_id = ? AND jti = ? AND revoked_at IS NULL',
    );
  }

  /** The credential's accounts as projected so far; empty when it does not exist. */
  accountsOf(clientId: string): readonly string[] {
    const accounts = this.selectAccounts.get(clientId);
    return accounts === undefined ? [] : (JSON.parse(accounts) as string[]);
  }

  /** `exists`: whether the credential was created before this event; if not, only a creation applies. */
  apply(recorded: RecordedEvent, event: CredentialEvent, clientId: string, exists: boolean): void {
    const applies = eventApplies(event, exists);
    // Once the credential exists, every event moves its revision, even one that changes nothing else.
    if (!exists && !applies) return;
    const pending = this.pending.get(clientId) ?? { revision: 0, lastIssuedAt: null, tokens: new Map() };
    pending.revision = recorded.revision;
    this.pending.set(clientId, pending);
    if (!applies) return;
    switch (event.type) {
      case 'CredentialCreated':
        return this.create(event, clientId, recorded);
      case 'CredentialUpdated':
        return this.update(event, clientId, recorded.revision);
      case 'SecretGenerated': {
        const { data } = event;
        this.insertSecret.run(clientId, data.secretId, data.hint, data.createdAt, data.expiresAt);
        return;
      }
      case 'SecretDeleted':
        this.deleteSecret.run(event.data.deletedAt, clientId, event.data.secretId);
        return;
      case 'TokenIssued': {
        const { data } = event;
        const row = [
          clientId,
          data.jti,
          data.secretId,
          data.issuedAt,
          data.expiresAt,
          data.scope.join(' '),
          data.sourceIp,
          null,
        ];
        if (!pending.tokens.has(data.jti)) pending.tokens.set(data.jti, { row, expiresAt: data.expiresAt });
        pending.lastIssuedAt = data.issuedAt;
        const secrets = this.pendingSecretUse.get(clientId) ?? new Map<string, string>();
        this.pendingSecretUse.set(clientId, secrets.set(data.secretId, data.issuedAt));
        return;
      }
      case 'TokenRevoked': {
        const waiting = pending.tokens.get(event.data.jti);
        if (waiting) waiting.row[7] ??= event.data.revokedAt;
        else this.revokeToken.run(event.data.revokedAt, clientId, event.data.jti);
        return;
      }
      case 'CredentialRevoked':
        this.revokeCredential.run(event.data.revokedAt, recorded.revision, clientId);
        return;
      case 'TokenRequestRefused':
      case 'TokenRequestRefusalsCounted':
        return;
    }
  }

  /**
   * Writes what `apply` gathered. Dropping the tokens expired by a
   * credential's newest issue time leaves the same tokens as dropping them
   * at every issue, as the domain does: expiry only moves one way.
   */
  flush(): void {
    for (const [clientId, { revision, lastIssuedAt, tokens }] of this.pending) {
      if (lastIssuedAt === null) {
        this.updateLastUsed.run(null, revision, clientId);
        continue;
      }
      this.dropExpiredTokens.run(clientId, lastIssuedAt);
      for (const token of tokens.values()) if (token.expiresAt > lastIssuedAt) this.tokenRows.add(token.row);
      this.updateLastUsed.run(lastIssuedAt, revision, clientId);
    }
    this.tokenRows.flush();
    for (const [clientId, secrets] of this.pendingSecretUse) {
      for (const [secretId, usedAt] of secrets) this.markSecretUsed.run(usedAt, clientId, secretId);
    }
    this.pending.clear();
    this.pendingSecretUse.clear();
  }

  /** Forgets what `apply` gathered, when the batch's transaction is rolled back. */
  discard(): void {
    this.tokenRows.discard();
    this.pending.clear();
    this.pendingSecretUse.clear();
  }

  private create({ data }: CredentialCreated, clientId: string, recorded: RecordedEvent): void {
    const inserted = this.insertCredential.run(
      clientId,
      recorded.position,
      ...STORED_FIELDS.map((field) => storedValue(data[field])),
      data.createdAt,
      data.createdAt,
      recorded.revision,
    );
    if (inserted.changes > 0) this.writeAccounts(clientId, data.accounts);
  }

  private update({ data }: CredentialUpdated, clientId: string, revision: number): void {
    const { changes } = data;
    const updated = this.updateFields.run(
      ...CHANGEABLE_FIELDS.map((field) => {
        const value = changes[field];
        return value === undefined ? null : storedValue(value);
      }),
      data.updatedAt,
      revision,
      clientId,
    );
    if (updated.changes > 0 && changes.accounts) {
      this.deleteAccounts.run(clientId);
      this.writeAccounts(clientId, changes.accounts);
    }
  }

  private writeAccounts(clientId: string, accounts: readonly string[]): void {
    for (const account of accounts) this.insertAccount.run(account, clientId);
  }
}
