import type { Pool, PoolClient } from 'pg';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { STORY_REACH_KEPT } from '../../server/src/storage/tally-roll-ups';
import { demoContent } from '../../shared/src/demo/demo-content';
import { DAY_BITS_BYTES } from '../../shared/src/domain/set-day-bit';

/** The event types in the mix eventMaker sends (mostly views, some inserts and actions), and the surfaces. */
const MIX = ['story_viewed', 'story_viewed', 'story_viewed', 'action_taken', 'action_taken', 'prompt_shown', 'prompt_inserted', 'story_inserted', 'story_shared'];
const SURFACES = ['newtab', 'newtab', 'popup', 'meet', 'zoom', 'teams', 'calendar', 'outlook'];

export type GeneratedEvents = {
  /** How many events. */
  events: number;
  /** How many installs send them, each in one department and role, taking turns: event g is install g mod installs'. */
  installs: number;
  /** The events are spread evenly from `fromMs` to `toMs`, one every (to − from) / events ms (at least 1 ms apart). */
  fromMs: number;
  toMs: number;
  /** Another seed, other ids and another mix. */
  seed?: number;
};

/**
 * Fills an empty, migrated PostgreSQL database with `events` usage events
 * and exactly the roll-ups ingest would have written for them, in a few
 * set-based statements (`INSERT … SELECT` over `generate_series`): tens of
 * times faster than the ingest path, which is what makes 10 million events
 * (and a million installs) fit in a benchmark run.
 *
 * The events are like eventMaker's: UUIDv7 ids in time order, content ids
 * that exist, the same mix of types and surfaces, each install always in
 * one department and role. Each is received as it is sent (`received_at` =
 * `at`), in UTC (the bench server's time zone): it counts on its own day.
 * Then every roll-up is worked out from the events the way ingest adds to
 * it (tallyRollUps): the counts per day, each install's first day, its day
 * bits per year, and story_reach's first 20 installs per week, department
 * and story in the order they arrived (ids grow with time).
 * tests/bench/generate-events.test.ts stores the same events through
 * storeEventBatches and compares every table. `sessions` connections share
 * the work (the events a range each, then the roll-ups a table each).
 */
export async function generateEvents(url: string, spec: GeneratedEvents, { sessions = 2 } = {}): Promise<void> {
  const { events, installs, fromMs, toMs, seed = 1 } = spec;
  const step = (toMs - fromMs) / events;
  if (!(step >= 1)) throw new Error(`events must be at least 1 ms apart (${events} events from ${fromMs} to ${toMs} are ${step} ms apart)`);
  const storage = postgresStorage({ url, poolSize: sessions, statementTimeoutMs: 3_600_000 });
  try {
    const parts = Array.from({ length: sessions }, (_, i) => [Math.floor((events * i) / sessions), Math.floor((events * (i + 1)) / sessions)] as const);
    // The events, a range of them per session, at once: the machine's cores share the work.
    await Promise.all(
      parts.map(([first, end]) =>
        inSession(storage.pool, async (client) => {
          await client.query(
            `INSERT INTO events (id, install_id, type, department, role, surface, at, day, story_id, prompt_id, action_id, received_at)
             SELECT id, install_id, type, department, role, surface, at, substr(at, 1, 10),
                    CASE WHEN type LIKE 'story\\_%' THEN item END, CASE WHEN type LIKE 'prompt\\_%' THEN item END,
                    CASE WHEN type = 'action_taken' THEN item END, at
             FROM (
               SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(h, 4, 3) || '-' || substr('89ab', 1 + get_byte(b, 3) % 4, 1)
                        || substr(h, 8, 3) || '-' || substr(h, 11, 12) AS id,
                      substr(ih, 1, 8) || '-' || substr(ih, 9, 4) || '-7' || substr(ih, 14, 3) || '-8' || substr(ih, 18, 3) || '-' || substr(ih, 21, 12) AS install_id,
                      type,
                      ($3::text[])[1 + get_byte(ib, 0) % cardinality($3::text[])] AS department,
                      ($4::text[])[1 + get_byte(ib, 1) % cardinality($4::text[])] AS role,
                      CASE WHEN type IN ('action_taken', 'story_viewed') THEN (ARRAY['newtab', 'popup'])[1 + get_byte(b, 1) % 2]
                           ELSE ($7::text[])[1 + get_byte(b, 1) % cardinality($7::text[])] END AS surface,
                      CASE WHEN type = 'action_taken' THEN ($8::text[])[1 + get_byte(b, 2) % cardinality($8::text[])]
                           WHEN type LIKE 'prompt\\_%' THEN ($9::text[])[1 + get_byte(b, 2) % cardinality($9::text[])]
                           ELSE ($10::text[])[1 + get_byte(b, 2) % cardinality($10::text[])] END AS item,
                      to_char(timestamp '1970-01-01' + ms * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
               FROM (
                 SELECT h, b, ih, decode(ih, 'hex') AS ib, ms, lpad(to_hex(ms), 12, '0') AS t, ($6::text[])[1 + get_byte(b, 0) % cardinality($6::text[])] AS type
                 FROM (
                   SELECT h, decode(h, 'hex') AS b, md5('install:' || $5::integer || ':' || (g % $2::integer)) AS ih, $11::bigint + floor(g * $12::float8)::bigint AS ms
                   FROM (SELECT g, md5('event:' || $5::integer || ':' || g) AS h FROM generate_series($1::bigint, $13::bigint - 1) AS g OFFSET 0) AS numbered
                   OFFSET 0
                 ) AS hashed
                 OFFSET 0
               ) AS parts
               OFFSET 0
             ) AS made`,
            [
              first,
              installs,
              demoContent.departments.map((d) => d.id),
              demoContent.roles.map((r) => r.id),
              seed,
              MIX,
              SURFACES,
              demoContent.actions.map((a) => a.id),
              demoContent.prompts.map((p) => p.id),
              demoContent.stories.map((s) => s.id),
              fromMs,
              step,
              end,
            ],
          );
        }),
      ),
    );
    // Then the roll-ups, a statement per table, as many at once as there are sessions.
    const statements = [
      `INSERT INTO installs (install_id, first_seen_day) SELECT install_id, min(day) FROM events GROUP BY install_id`,
      `INSERT INTO daily_counts (day, week, department, role, type, count)
       SELECT day, ${WEEK('day')}, department, role, type, count(*) FROM events GROUP BY day, department, role, type`,
      `INSERT INTO daily_surface_counts (day, department, surface, type, count)
       SELECT day, department, surface, type, count(*) FROM events GROUP BY day, department, surface, type`,
      `INSERT INTO daily_item_counts (day, department, type, item_id, count)
       SELECT day, department, type, coalesce(story_id, prompt_id, action_id) AS item, count(*) FROM events
       WHERE coalesce(story_id, prompt_id, action_id) IS NOT NULL GROUP BY day, department, type, item`,
      `INSERT INTO daily_action_counts (day, department, role, action_id, count)
       SELECT day, department, role, action_id, count(*) FROM events WHERE type = 'action_taken' GROUP BY day, department, role, action_id`,
      // Day bits set once or many times are the same bits: no need to find each row's distinct days first.
      `INSERT INTO install_activity (year, install_id, department, role, days)
       SELECT ${YEAR}, install_id, department, role, pg_temp.bench_day_bits(${DAY_OF_YEAR}, 1) FROM events
       GROUP BY ${YEAR}, install_id, department, role`,
      `INSERT INTO install_cells (year, install_id, department, cell, days)
       SELECT year, install_id, department, cell, pg_temp.bench_day_bits(day_of_year, 1)
       FROM (SELECT ${YEAR} AS year, install_id, department, 'surface:' || surface AS cell, ${DAY_OF_YEAR} AS day_of_year FROM events
             UNION ALL
             SELECT ${YEAR}, install_id, department, 'action:' || role || ':' || action_id, ${DAY_OF_YEAR} FROM events WHERE type = 'action_taken') AS used
       GROUP BY year, install_id, department, cell`,
      `INSERT INTO story_reach (week, department, story_id, install_id)
       SELECT week, department, story_id, install_id FROM (
         SELECT week, department, story_id, install_id, row_number() OVER (PARTITION BY week, department, story_id ORDER BY first_id COLLATE "C") AS place
         FROM (SELECT ${WEEK('day')} AS week, department, story_id, install_id, min(id) AS first_id
               FROM events WHERE type LIKE 'story\\_%' GROUP BY week, department, story_id, install_id) AS arrivals
       ) AS ranked
       WHERE place <= ${STORY_REACH_KEPT}`,
    ];
    await Promise.all(
      parts.map(() =>
        inSession(storage.pool, async (client) => {
          for (let statement = statements.shift(); statement !== undefined; statement = statements.shift()) await client.query(statement);
        }),
      ),
    );
    await storage.pool.query('ANALYZE');
  } finally {
    await storage.close();
  }
}

/** A SQL fragment: the Monday of a 'YYYY-MM-DD' day (weekStart). */
const WEEK = (day: string) => `to_char(date_trunc('week', ${day}::date), 'YYYY-MM-DD')`;
/** …and its year, and its index in the year (dayOfYear). */
const YEAR = `substr(day, 1, 4)::integer`;
const DAY_OF_YEAR = `(day::date - make_date(substr(day, 1, 4)::integer, 1, 1))`;

/**
 * Runs `work` on a connection of its own, set for bulk work: no JIT (each
 * statement runs once; compiling costs more than it saves), sorts and
 * hashes in memory, and `bench_day_bits`, an aggregate that ORs days into a
 * year's day bits as ingest does: 46 bytes, day n at bit n & 7 of byte
 * n >> 3 (set_bit numbers bits the same way as setDayBit).
 */
async function inSession(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SET jit = off`);
    await client.query(`SET work_mem = '512MB'`);
    await client.query(`CREATE OR REPLACE AGGREGATE pg_temp.bench_day_bits(bigint, integer) (SFUNC = set_bit, STYPE = bytea, INITCOND = '\\x${'00'.repeat(DAY_BITS_BYTES)}')`);
    await work(client);
  } finally {
    client.release(true);
  }
}
