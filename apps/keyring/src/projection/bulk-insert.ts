/**
 * Inserts rows many at a time: one multi-row INSERT per `chunkSize` rows.
 * Through better-sqlite3 each statement costs several microseconds whatever
 * it does, which dominates a projection writing a few small rows per event;
 * one statement for 64 rows pays that once. Rows wait in memory until the
 * chunk is full or `flush()` is called, so callers flush before they read
 * the table, and always before their transaction commits.
 */
import type Database from 'better-sqlite3';

export class BulkInsert {
  private pending: unknown[][] = [];
  private readonly chunkStatement: Database.Statement<unknown[]>;
  private readonly rowStatement: Database.Statement<unknown[]>;

  constructor(
    db: Database.Database,
    /** `INSERT [OR IGNORE] INTO table (columns)`, without VALUES. */
    insertInto: string,
    private readonly columnCount: number,
    /** Turns a failed insert into the error to throw, knowing the rows it held. */
    private readonly explainFailure: (error: unknown, rows: readonly unknown[][]) => unknown = (error) =>
      error,
    private readonly chunkSize = 64,
  ) {
    const row = `(${Array.from({ length: columnCount }, () => '?').join(', ')})`;
    this.chunkStatement = db.prepare(
      `${insertInto} VALUES ${Array.from({ length: chunkSize }, () => row).join(', ')}`,
    );
    this.rowStatement = db.prepare(`${insertInto} VALUES ${row}`);
  }

  add(row: unknown[]): void {
    if (row.length !== this.columnCount)
      throw new RangeError(`Expected ${this.columnCount} values, got ${row.length}`);
    this.pending.push(row);
    if (this.pending.length === this.chunkSize) this.flush();
  }

  /** Writes every waiting row; on failure (a constraint) the rows are dropped and the error thrown. */
  flush(): void {
    const rows = this.pending;
    if (rows.length === 0) return;
    this.pending = [];
    try {
      if (rows.length === this.chunkSize) this.chunkStatement.run(rows.flat());
      else for (const row of rows) this.rowStatement.run(row);
    } catch (error) {
      throw this.explainFailure(error, rows);
    }
  }

  /** Forgets waiting rows, when the transaction they belonged to is rolled back. */
  discard(): void {
    this.pending = [];
  }
}
