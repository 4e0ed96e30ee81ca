import pg from 'pg';
import type { Pool, PoolClient, QueryResult } from 'pg';
import type { Sql } from '../sql';
import type { PostgresQueries, Storage, Transaction, TransactionOptions } from '../storage';

export type PostgresOptions = {
  url: string;
  /** Connections this instance keeps at most (`DATABASE_POOL_SIZE`). */
  poolSize: number;
  /** A statement running longer is cancelled by the server (`DATABASE_STATEMENT_TIMEOUT_MS`). */
  statementTimeoutMs: number;
  /** How long to wait for a connection (new, or free in the pool) before failing the request. */
  connectTimeoutMs?: number;
};

/** A value as the schema takes it: booleans as 0/1 (as in SQLite), bytes as a Buffer, nothing as NULL. */
export function postgresValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

// Counts and sums (bigint, numeric) come back as numbers, as from SQLite: every figure here is far below 2^53.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (text: string) => (text === null ? null : Number(text));
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/** Deadlock and serialization failure: the transaction did nothing and may be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MOST_ATTEMPTS = 8;

/** Each distinct text is prepared once per connection, under a name of its own. */
const names = new Map<string, string>();
function prepared(query: Sql) {
  const { text, values } = query.render((n) => `$${n}`);
  let name = names.get(text);
  if (!name) names.set(text, (name = `q${names.size + 1}`));
  return { name, text, values: values.map(postgresValue) };
}

type Runner = Pool | PoolClient;
const rowsOf = async <Row>(runner: Runner, query: Sql): Promise<Row[]> => ((await runner.query(prepared(query))) as QueryResult).rows as Row[];
const changesOf = async (runner: Runner, query: Sql): Promise<number> => ((await runner.query(prepared(query))) as QueryResult).rowCount ?? 0;

function transactionHandle(client: PoolClient): PostgresQueries {
  let savepoints = 0;
  const handle: PostgresQueries = {
    engine: 'postgres',
    all: (query) => rowsOf(client, query),
    one: async <Row>(query: Sql) => (await rowsOf<Row>(client, query))[0],
    run: (query) => changesOf(client, query),
    client: (work) => work(client),
    async transaction<T>(work: (tx: Transaction) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
      const name = `s${++savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      if (opts.lock !== undefined) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [opts.lock]);
      try {
        const result = await work(handle);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
  return handle;
}

/**
 * The storage on a PostgreSQL server, shared by every instance: a pool of
 * connections (`pg`), re-made by the pool when the server comes back after
 * an outage; statements cancelled after `statementTimeoutMs`.
 */
export function postgresStorage(options: PostgresOptions): Storage & PostgresQueries & { pool: Pool } {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'customer-chair',
    types,
  });
  // A pooled connection the server dropped (restart, failover) errors here; the pool makes a new one when next needed.
  // An idle one, that is: a checked-out connection emits 'error' on itself (below, each checkout listens while it holds one).
  pool.on('error', () => undefined);

  async function once<T>(work: (tx: Transaction) => Promise<T>, lock: string | undefined): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    const onError = (error: Error) => (broken ??= error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      try {
        if (lock !== undefined) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
        const result = await work(transactionHandle(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((failed: Error) => (broken = failed));
        throw error;
      }
    } catch (error) {
      // A connection that failed mid-transaction is not given back to the pool.
      if (!(error as { code?: string }).code) broken ??= error as Error;
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  return {
    engine: 'postgres',
    pool,
    all: (query) => rowsOf(pool, query),
    one: async <Row>(query: Sql) => (await rowsOf<Row>(pool, query))[0],
    run: (query) => changesOf(pool, query),
    client: (work) => work(pool),
    async transaction<T>(work: (tx: Transaction) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(work, opts.lock);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (!opts.retry || !code || !RETRYABLE.has(code) || attempt >= MOST_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
        }
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async exclusively<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
      // A session lock on a connection of its own: released by unlocking, or by the server if this instance dies.
      const client = await pool.connect();
      let broken: Error | undefined;
      const onError = (error: Error) => (broken ??= error);
      client.on('error', onError);
      try {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [name]);
        if (!rows[0]?.locked) return undefined;
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch((error: Error) => (broken = error));
        }
      } catch (error) {
        broken ??= error as Error;
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
