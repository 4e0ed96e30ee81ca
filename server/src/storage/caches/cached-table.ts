import type { Database } from 'better-sqlite3';
import type { Queries, SqliteQueries } from '../storage';
import { connectionCache } from './connection-cache';

/**
 * A roll-up table held in memory, laid out for the stats (`Value`), and how
 * its rows (`Row`) land in it. Only ingest changes these tables, and only
 * ever upward: counts grow, day bits are only ever set.
 *
 * - SQLite (one process owns the file): read once per connection, then
 *   kept equal to the table by `note` (ingest, once its batch has
 *   committed: the same increments, `add`); read again when another
 *   connection committed (`PRAGMA data_version`, connection-cache).
 * - PostgreSQL (several instances write): `note` only says that this
 *   process wrote; the rows themselves are read again from the table (those
 *   changed since the last read, by their `changed` mark), and a row read
 *   again replaces the one held (`replace`). See stats-caches.
 */
export type CachedTable<Value, Row> = {
  /** `SELECT <columns> FROM <table>`, the columns named as in `Row`. */
  readonly select: string;
  readonly empty: () => Value;
  /** A committed batch's increment of a row (or a row read for the first time). */
  readonly add: (value: Value, row: Row) => void;
  /** A row read again: its stored value replaces the one held. */
  readonly replace: (value: Value, row: Row) => void;
  /** SQLite: the value as held for this connection, read first when needed. */
  readonly onConnection: (db: Database) => Value;
  /**
   * A batch's rows, once its transaction has committed (ingest): on SQLite
   * given the connection (or a storage's handle) it committed on, the value
   * held takes them; on PostgreSQL (any handle), the next stats read reads
   * the changed rows again. Nothing to do when nothing was read yet.
   */
  readonly note: (on: Database | Queries, rows: Iterable<Row>) => void;
};

let postgresWrites = 0;
/** How many times this process noted a commit to PostgreSQL's roll-ups (ingest): a stats read after one reads the changes first. */
export const postgresWritesNoted = (): number => postgresWrites;
/** Ingest on PostgreSQL, once its transaction has committed: the roll-ups changed. */
export const notePostgresWrite = (): void => void postgresWrites++;

const isConnection = (on: Database | Queries): on is Database => typeof (on as Database).prepare === 'function';

export function cachedTable<Value, Row>(spec: { table: string; columns: string; empty: () => Value; add: CachedTable<Value, Row>['add']; replace: CachedTable<Value, Row>['replace'] }): CachedTable<Value, Row> {
  const select = `SELECT ${spec.columns} FROM ${spec.table}`;
  const held = connectionCache((db) => {
    const value = spec.empty();
    for (const row of db.prepare(select).iterate()) spec.add(value, row as Row);
    return value;
  });
  const addAll = (rows: readonly Row[]) => (value: Value) => {
    for (const row of rows) spec.add(value, row);
  };
  return {
    select,
    empty: spec.empty,
    add: spec.add,
    replace: spec.replace,
    onConnection: (db) => held.get(db),
    note(on, rows) {
      if (isConnection(on)) return held.update(on, addAll([...rows]));
      if (on.engine === 'postgres') return notePostgresWrite();
      // At once when the connection is free (or `on` is the transaction); else once it is.
      const added = addAll([...rows]);
      void (on as SqliteQueries).sync((db) => held.update(db, added));
    },
  };
}
