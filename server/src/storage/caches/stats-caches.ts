import type { DailyCounts } from '@customer-chair/shared/domain/daily-counts';
import type { InstallActivity } from '@customer-chair/shared/domain/install-activity';
import type { Database } from 'better-sqlite3';
import { sql } from '../sql';
import type { PostgresQueries, Queries, SqliteQueries, Storage } from '../storage';
import { installActivityTable } from './activity-cache';
import { notePostgresWrite, postgresWritesNoted, type CachedTable } from './cached-table';
import { dailyCountsTable } from './daily-counts-cache';
import { installCellsTable } from './install-cells-cache';

/** The roll-ups the stats are worked out from, as held in memory. */
export type StatsTables = { dailyCounts: DailyCounts; installActivity: InstallActivity; installCells: InstallActivity };

const TABLES = { dailyCounts: dailyCountsTable, installActivity: installActivityTable, installCells: installCellsTable } as const satisfies {
  [K in keyof StatsTables]: CachedTable<StatsTables[K], never>;
};
type Key = keyof StatsTables;
const KEYS = Object.keys(TABLES) as Key[];

/**
 * How often, at most, an instance on PostgreSQL reads what other instances
 * changed: a stats answer reflects every change committed on any instance
 * up to 1 s before the request (well within the 2 s the issue allows), and
 * every change acknowledged by this instance before it.
 */
export const STATS_REFRESH_MS = 1_000;

/**
 * The stats' in-memory roll-ups (daily counts, install activity, install
 * cells), one API for both engines:
 *
 * - SQLite: each table is read once per connection, kept equal to the table
 *   by ingest's notes, and read again when another connection committed
 *   (cached-table, connection-cache). Always current.
 * - PostgreSQL: several instances write, so an instance cannot be told
 *   what the others did. It reads all three tables once, in one snapshot,
 *   remembering that snapshot's xmin (every transaction still running then
 *   has an id at least that). Later it reads only the rows whose `changed`
 *   mark (the id of the transaction that last wrote them) is at least the
 *   last xmin, in a new snapshot: no change is missed, and one read twice
 *   does no harm since a row read again replaces the one held (the tables
 *   only grow; nothing is deleted from them). It does that before answering
 *   when the last read began more than STATS_REFRESH_MS ago or this process
 *   has written since (ingest notes it), so an answer is at most
 *   STATS_REFRESH_MS stale. The reads take turns, each applied at once and
 *   whole, so what is held is always one snapshot of the three tables.
 *
 * `use` is called with the tables as of one moment and must take what it
 * needs from them there and then, keeping no reference: what is held
 * changes under later awaits. (weekInstallGroups' answers may be kept: they
 * answer from what they saw.)
 */
export const statsCaches = {
  /** The three roll-ups as of one moment, no older than the bound above. */
  async read<T>(storage: Storage, use: (tables: StatsTables) => T): Promise<T> {
    if (storage.engine === 'sqlite') return storage.sync((db) => db.transaction(() => use(heldOn(db)))());
    return postgresRead(storage, false, async () => undefined, (tables) => use(tables));
  },

  /**
   * The three roll-ups and what `query` reads, all as of one moment (one
   * transaction; on PostgreSQL the roll-ups are brought up to that
   * transaction's snapshot first, whatever their age).
   */
  async readWith<Rows, T>(storage: Storage, query: (q: Queries) => Promise<Rows>, use: (tables: StatsTables, rows: Rows) => T): Promise<T> {
    if (storage.engine === 'sqlite') {
      return storage.transaction(async (tx) => {
        const rows = await query(tx);
        return (tx as SqliteQueries).sync((db) => use(heldOn(db), rows));
      });
    }
    return postgresRead(storage, true, query, use);
  },

  /**
   * Ingest on PostgreSQL, once a transaction that wrote the roll-ups has
   * committed: this instance's next stats answer reads the changes first, so
   * a client reading back what it sent through this instance sees it at once.
   */
  noteWritten(): void {
    notePostgresWrite();
  },

  /** Reads all three now (main.ts at start: not the first dashboard visitor, about half a second at 10M events). */
  async warm(storage: Storage): Promise<void> {
    await statsCaches.readWith(
      storage,
      async () => undefined,
      (tables) => void KEYS.map((key) => tables[key]),
    );
  },
};

/** SQLite: the tables held for this connection, each read when first used. */
function heldOn(db: Database): StatsTables {
  return {
    get dailyCounts() {
      return TABLES.dailyCounts.onConnection(db);
    },
    get installActivity() {
      return TABLES.installActivity.onConnection(db);
    },
    get installCells() {
      return TABLES.installCells.onConnection(db);
    },
  };
}

/** PostgreSQL: what one instance holds of one database. */
type Held = {
  tables: StatsTables;
  /** The xmin of the snapshot last read, as PostgreSQL writes an xid8 (compared in SQL only). */
  xmin: string;
  /** When that read began (performance.now()). */
  readAt: number;
  /** Batches this process had noted by then. */
  writes: number;
};
const heldOnPostgres = new WeakMap<Storage, { held?: Held; turn: Promise<unknown> }>();

/** Rows fetched at a time from the first, whole read. */
const FETCH_ROWS = 20_000;

async function postgresRead<Rows, T>(
  storage: Storage,
  always: boolean,
  query: (q: Queries) => Promise<Rows>,
  use: (tables: StatsTables, rows: Rows) => T,
): Promise<T> {
  let state = heldOnPostgres.get(storage);
  if (!state) heldOnPostgres.set(storage, (state = { turn: Promise.resolve() }));
  const asked = { at: performance.now(), writes: postgresWritesNoted() };
  const current = (held: Held | undefined): held is Held => held !== undefined && held.writes >= asked.writes && asked.at - held.readAt < STATS_REFRESH_MS;
  if (!always && current(state.held)) return use(state.held.tables, undefined as Rows);

  const turn = state.turn.then(async () => {
    // Another request's read, while this one waited its turn, may do.
    if (!always && current(state.held)) return use(state.held.tables, undefined as Rows);
    const readAt = performance.now();
    const writes = postgresWritesNoted();
    const since = state.held?.xmin;
    const read = await storage.transaction(
      async (tx) => {
        const pg = tx as PostgresQueries;
        await pg.client((client) => client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'));
        // A database whose transaction ids went back (restored under running instances) is read whole again.
        const snapshot = await pg.one<{ xmin: string; wentBack: boolean | null }>(
          sql`SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS xmin, pg_snapshot_xmin(pg_current_snapshot()) < CAST(${since ?? null} AS xid8) AS "wentBack"`,
        );
        const changes = since === undefined || snapshot!.wentBack ? await readWhole(pg) : await readChanged(pg, since);
        return { xmin: snapshot!.xmin, changes, rows: await query(tx) };
      },
      { retry: true },
    );
    // Applied whole and at once, then used before anything else runs.
    let tables: StatsTables;
    if (read.changes.whole) tables = read.changes.whole;
    else {
      tables = state.held!.tables;
      for (const key of KEYS) for (const row of read.changes.rows[key]) (TABLES[key].replace as (value: unknown, row: unknown) => void)(tables[key], row);
    }
    state.held = { tables, xmin: read.xmin, readAt, writes };
    return use(tables, read.rows);
  });
  state.turn = turn.catch(() => undefined);
  return turn;
}

type Changes = { whole: StatsTables; rows?: undefined } | { whole?: undefined; rows: Record<Key, unknown[]> };

/** Every row of the three tables, through a cursor (one statement per few thousand rows, under the statement time-out). */
async function readWhole(tx: PostgresQueries): Promise<Changes> {
  const whole = {} as Record<Key, unknown>;
  for (const key of KEYS) {
    const table = TABLES[key] as CachedTable<unknown, unknown>;
    const value = table.empty();
    await tx.client((client) => client.query(`DECLARE stats_rows NO SCROLL CURSOR FOR ${table.select}`));
    for (;;) {
      const { rows } = await tx.client((client) => client.query(`FETCH FORWARD ${FETCH_ROWS} FROM stats_rows`));
      for (const row of rows) table.add(value, row);
      if (rows.length < FETCH_ROWS) break;
    }
    await tx.client((client) => client.query('CLOSE stats_rows'));
    whole[key] = value;
  }
  return { whole: whole as StatsTables };
}

/** The rows changed by transactions that had not committed at the last read (`changed` ≥ its xmin), or since. */
async function readChanged(tx: PostgresQueries, since: string): Promise<Changes> {
  const rows = {} as Record<Key, unknown[]>;
  for (const key of KEYS) rows[key] = await tx.all(sql`${sql.raw(TABLES[key].select)} WHERE changed >= CAST(${since} AS xid8)`);
  return { rows };
}
