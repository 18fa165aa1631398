/**
 * The scopes a client can request here: every api granted to an active
 * credential, for RFC 8414's `scopes_supported`, read from the read models.
 */
import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DATABASE } from '../projection/read-models.module';

@Injectable()
export class ScopeCatalogue {
  private readonly selectScopes: Database.Statement<[], string>;

  constructor(@Inject(READ_MODEL_DATABASE) db: Database.Database) {
    this.selectScopes = db
      .prepare<[], string>(
        `SELECT DISTINCT scope.value FROM credentials, json_each(credentials.apis) AS scope
         WHERE credentials.status = 'active' ORDER BY scope.value`,
      )
      .pluck();
  }

  async scopes(): Promise<string[]> {
    return this.selectScopes.all();
  }
}
