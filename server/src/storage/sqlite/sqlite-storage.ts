import type { Database } from 'better-sqlite3';
import type { Sql } from '../sql';
import type { SqliteQueries, Storage, Transaction } from '../storage';
import { statement } from './statement';

/** A value as SQLite takes it: booleans as 0/1 (the schema's), bytes as a Buffer, nothing as NULL. */
export function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

function render(query: Sql) {
  const { text, values } = query.render(() => '?');
  return { text, values: values.map(sqliteValue) };
}

function allNow<Row>(db: Database, query: Sql): Row[] {
  const { text, values } = render(query);
  const prepared = statement(db, text);
  if (!prepared.reader) {
    prepared.run(...values);
    return [];
  }
  return prepared.all(...values) as Row[];
}
function runNow(db: Database, query: Sql): number {
  const { text, values } = render(query);
  return statement(db, text).run(...values).changes;
}

/** Settles like the synchronous call would have thrown or answered. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The storage on one SQLite file, through better-sqlite3: every query runs
 * synchronously, on prepared statements, as before. There is one connection,
 * so while an (asynchronous) transaction is open on it everything else
 * waits its turn; outside one, a query runs at once.
 */
export function sqliteStorage(db: Database): Storage & SqliteQueries & { db: Database } {
  let locked = false;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> | undefined => {
    if (!locked) {
      locked = true;
      return undefined;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else locked = false;
  };
  /** Runs synchronous work now, or once the open transaction has ended. */
  const whenFree = <T>(work: () => T): Promise<T> => {
    if (!locked) return settle(work);
    return (acquire() as Promise<void>).then(() => {
      try {
        return work();
      } finally {
        release();
      }
    });
  };

  let savepoints = 0;
  const handle = (): SqliteQueries => ({
    engine: 'sqlite',
    all: <Row>(query: Sql) => settle(() => allNow<Row>(db, query)),
    one: <Row>(query: Sql) => settle(() => allNow<Row>(db, query)[0]),
    run: (query: Sql) => settle(() => runNow(db, query)),
    sync: <T>(work: (db: Database) => T) => settle(() => work(db)),
    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      const name = `s${++savepoints}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work(handle());
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        if (db.inTransaction) {
          db.exec(`ROLLBACK TO ${name}`);
          db.exec(`RELEASE ${name}`);
        }
        throw error;
      }
    },
  });

  return {
    engine: 'sqlite',
    db,
    all: <Row>(query: Sql) => whenFree(() => allNow<Row>(db, query)),
    one: <Row>(query: Sql) => whenFree(() => allNow<Row>(db, query)[0]),
    run: (query: Sql) => whenFree(() => runNow(db, query)),
    sync: <T>(work: (db: Database) => T) => whenFree(() => work(db)),
    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      await acquire();
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(handle());
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        release();
      }
    },
    ping: () => whenFree(() => void statement(db, 'SELECT 1').get()),
    // One process owns a SQLite file: a lock in memory is enough.
    exclusively: (() => {
      const held = new Set<string>();
      return async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
        if (held.has(name)) return undefined;
        held.add(name);
        try {
          return await work();
        } finally {
          held.delete(name);
        }
      };
    })(),
    close: () => whenFree(() => void db.close()),
  };
}
