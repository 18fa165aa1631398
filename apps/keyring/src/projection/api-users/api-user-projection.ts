/**
 * Keeps the `api_users` read model: one row per username, never a password
 * or its hash. Runs in the projector's transaction, beside the credentials'.
 */
import type Database from 'better-sqlite3';
import type { ApiUserEvent } from '@keyring/domain';
import type { RecordedEvent } from '@keyring/event-store';

export class ApiUserProjection {
  private readonly insert: Database.Statement<[string, number, string, string, string, string]>;
  private readonly selectAccounts: Database.Statement<[string], { accounts: string }>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO api_users (username, created_position, accounts, roles, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'active', ?, ?)`,
    );
    this.selectAccounts = db.prepare('SELECT accounts FROM api_users WHERE username = ?');
  }

  /** The user's accounts as projected so far; empty before its creation. */
  accountsOf(username: string): readonly string[] {
    const row = this.selectAccounts.get(username);
    return row ? (JSON.parse(row.accounts) as string[]) : [];
  }

  apply(recorded: RecordedEvent, event: ApiUserEvent, username: string): void {
    const set = (assignments: string, ...values: unknown[]) =>
      this.db.prepare(`UPDATE api_users SET ${assignments} WHERE username = ?`).run(...values, username);
    switch (event.type) {
      case 'ApiUserCreated': {
        const { accounts, roles, createdAt } = event.data;
        const [a, r] = [JSON.stringify(accounts), JSON.stringify(roles)];
        this.insert.run(username, recorded.position, a, r, createdAt, createdAt);
        return;
      }
      case 'ApiUserPasswordSet':
        set('updated_at = ?, password_set_at = ?', event.data.setAt, event.data.setAt);
        return;
      case 'ApiUserAccessChanged': {
        const { accounts, roles } = event.data.changes;
        if (accounts) set('accounts = ?', JSON.stringify(accounts));
        if (roles) set('roles = ?', JSON.stringify(roles));
        set('updated_at = ?', event.data.changedAt);
        return;
      }
      case 'ApiUserDisabled':
        set("status = 'disabled', updated_at = ?", event.data.disabledAt);
        return;
      case 'ApiUserEnabled':
        set("status = 'active', updated_at = ?", event.data.enabledAt);
        return;
      case 'ApiUserDeleted':
        set("status = 'deleted', updated_at = ?", event.data.deletedAt);
        return;
      case 'ApiUserMigrated':
        set('migrated_to = ?, migrated_at = ?', event.data.clientId, event.data.migratedAt);
        return;
      case 'BasicAuthenticationUsed':
        set('last_used_at = ?', event.data.lastUsedAt);
        return;
      case 'BasicAuthenticationRefused':
        return;
    }
  }
}
