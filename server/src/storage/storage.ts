import type { Database } from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import type { Sql } from './sql';

export type Engine = 'sqlite' | 'postgres';

/**
 * What a query runs on: the storage itself, or a transaction's handle. Every
 * route, middleware and command sees only this (and `Storage`): no file
 * outside `storage/` reaches an engine.
 */
export interface Queries {
  readonly engine: Engine;
  /** Every row the query answers. */
  all<Row>(query: Sql): Promise<Row[]>;
  /** The first row, or undefined. */
  one<Row>(query: Sql): Promise<Row | undefined>;
  /** Runs a change; answers how many rows it changed. */
  run(query: Sql): Promise<number>;
  /**
   * Runs `work` in a transaction (a savepoint when this is one already):
   * committed when it resolves, rolled back when it throws. `work` must use
   * the handle it is given, never the storage: on SQLite the storage waits
   * for the transaction to end. With `retry`, a transaction PostgreSQL
   * aborted for a deadlock or a serialization failure is run again from
   * the start: only for work that does nothing but its queries. With
   * `lock`, the transaction first takes that lock (PostgreSQL: an advisory
   * transaction lock, held to its end, on every instance), so that
   * transactions taking the same lock run one after another and each sees
   * what the one before committed: a read-check-write such as "refuse a
   * stale revision" holds across instances. (SQLite runs one write
   * transaction at a time anyway.)
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export type TransactionOptions = { retry?: boolean; lock?: string };

/** A transaction's handle. */
export type Transaction = SqliteQueries | PostgresQueries;

/** The engine underneath, for the few queries written per engine (`if (q.engine === 'sqlite') q.db…`). */
export interface SqliteQueries extends Queries {
  readonly engine: 'sqlite';
  /**
   * Runs synchronous better-sqlite3 work on the connection, once no
   * transaction is open on it (inside one, at once): the fast paths
   * (group commit, in-memory roll-ups) keep their speed.
   */
  sync<T>(work: (db: Database) => T): Promise<T>;
}
export interface PostgresQueries extends Queries {
  readonly engine: 'postgres';
  /** A client of the pool (a transaction's own), for work the tag cannot write (arrays, COPY). */
  client<T>(work: (client: Pool | PoolClient) => Promise<T>): Promise<T>;
}

/** The database: a SQLite file, or a PostgreSQL server shared by several instances. */
export type Storage = (SqliteQueries | PostgresQueries) & {
  /** Throws when the database does not answer (the health check). */
  ping(): Promise<void>;
  /**
   * Runs `work` unless another holder of the lock `name` (on any instance)
   * is running it: answers undefined then. The prune job takes it.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
};
