import type { EventBatchResult } from '@customer-chair/shared/schemas/usage-event';
import type { EventRow } from '../event-rows';
import { sql } from '../sql';
import type { PostgresQueries } from '../storage';
import { STORY_REACH_KEPT, tallyRollUps } from '../tally-roll-ups';

/** The first key of story_reach's advisory locks (the second: the group's hash); no other lock uses two keys. */
const STORY_REACH_LOCKS = 7;

/** Ascending by id, as the events are inserted. */
const byId = (a: EventRow, b: EventRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Stores batches of events (each already turned into rows: eventRows) in the
 * caller's transaction, with a statement per table for all of them: the
 * events through `unnest` of one array per column, `ON CONFLICT (id) DO
 * NOTHING RETURNING id`, so that only events new to the database feed the
 * roll-ups, then each roll-up's rows summed per key (tallyRollUps) and
 * upserted the same way, in key order. Every flush on every instance takes
 * its row locks table by table, each table's rows in the same order, so two
 * flushes touching the same rows wait for each other instead of
 * deadlocking (and a deadlock that still happens is retried by the caller).
 *
 * An id is stored once: the first batch (in the order given) that carries
 * it owns it, and it is a duplicate for every other batch of the flush, and
 * for every later flush. Answers each batch's own `{accepted, duplicates}`.
 * The roll-ups PostgreSQL's stats cache reads again (daily_counts,
 * install_activity, install_cells) get `changed = pg_current_xact_id()` on
 * every update (their default covers inserts).
 */
export async function storeEventBatches(tx: PostgresQueries, batches: readonly (readonly EventRow[])[]): Promise<EventBatchResult[]> {
  const owner = new Map<string, number>();
  const distinct: EventRow[] = [];
  batches.forEach((rows, batch) => {
    for (const row of rows) {
      if (owner.has(row.id)) continue;
      owner.set(row.id, batch);
      distinct.push(row);
    }
  });
  const inserted = distinct.length ? await insertEventRows(tx, [...distinct].sort(byId)) : new Set<string>();
  // In the order they came: the first installs of a story's week are the ones story_reach keeps.
  const accepted = distinct.filter((row) => inserted.has(row.id));
  const results = batches.map((rows) => ({ accepted: 0, duplicates: rows.length }));
  for (const row of accepted) {
    const result = results[owner.get(row.id)!]!;
    result.accepted++;
    result.duplicates--;
  }
  if (!accepted.length) return results;

  // First seen on the day the first batch that stored one of its events arrived; known installs keep their day.
  const firstSeen = new Map<string, string>();
  for (const row of accepted) if (!firstSeen.has(row.installId)) firstSeen.set(row.installId, row.receivedOn);
  const installs = [...firstSeen.keys()].sort();
  await tx.run(sql`
    INSERT INTO installs (install_id, first_seen_day)
    SELECT * FROM unnest(${installs}::text[], ${installs.map((id) => firstSeen.get(id))}::text[])
    ON CONFLICT (install_id) DO NOTHING`);

  await addToRollUps(tx, accepted);
  return results;
}

/** Inserts the rows (sorted by id, no id twice) that are not stored yet; answers their ids. */
async function insertEventRows(tx: PostgresQueries, rows: readonly EventRow[]): Promise<Set<string>> {
  const column = <K extends keyof EventRow>(key: K) => rows.map((row) => row[key]);
  const stored = await tx.all<{ id: string }>(sql`
    INSERT INTO events (id, install_id, type, department, role, surface, at, day, story_id, prompt_id, action_id, received_at)
    SELECT * FROM unnest(
      ${column('id')}::text[], ${column('installId')}::text[], ${column('type')}::text[], ${column('department')}::text[],
      ${column('role')}::text[], ${column('surface')}::text[], ${column('at')}::text[], ${column('day')}::text[],
      ${column('storyId')}::text[], ${column('promptId')}::text[], ${column('actionId')}::text[], ${column('receivedAt')}::text[])
    ON CONFLICT (id) DO NOTHING
    RETURNING id`);
  return new Set(stored.map((row) => row.id));
}

async function addToRollUps(tx: PostgresQueries, accepted: readonly EventRow[]): Promise<void> {
  const tally = tallyRollUps(accepted.map((row) => row.rollUp));
  const of = <Row, K extends keyof Row>(rows: readonly Row[], key: K) => rows.map((row) => row[key]);

  const { counts, surfaces, items, actions, activity, cells, reach, thanks } = tally;
  await tx.run(sql`
    INSERT INTO daily_counts (day, week, department, role, type, count)
    SELECT * FROM unnest(${of(counts, 'day')}::text[], ${of(counts, 'week')}::text[], ${of(counts, 'department')}::text[],
                         ${of(counts, 'role')}::text[], ${of(counts, 'type')}::text[], ${of(counts, 'count')}::integer[])
    ON CONFLICT (day, department, role, type)
    DO UPDATE SET count = daily_counts.count + excluded.count, changed = pg_current_xact_id()`);
  await tx.run(sql`
    INSERT INTO daily_surface_counts (day, department, surface, type, count)
    SELECT * FROM unnest(${of(surfaces, 'day')}::text[], ${of(surfaces, 'department')}::text[], ${of(surfaces, 'surface')}::text[],
                         ${of(surfaces, 'type')}::text[], ${of(surfaces, 'count')}::integer[])
    ON CONFLICT (day, department, surface, type) DO UPDATE SET count = daily_surface_counts.count + excluded.count`);
  if (items.length) {
    await tx.run(sql`
      INSERT INTO daily_item_counts (day, department, type, item_id, count)
      SELECT * FROM unnest(${of(items, 'day')}::text[], ${of(items, 'department')}::text[], ${of(items, 'type')}::text[],
                           ${of(items, 'itemId')}::text[], ${of(items, 'count')}::integer[])
      ON CONFLICT (day, department, type, item_id) DO UPDATE SET count = daily_item_counts.count + excluded.count`);
  }
  // A day already marked leaves the row as it is (and its `changed`): an install sends many batches a day.
  await tx.run(sql`
    INSERT INTO install_activity (year, install_id, department, role, days)
    SELECT * FROM unnest(${of(activity, 'year')}::integer[], ${of(activity, 'installId')}::text[], ${of(activity, 'department')}::text[],
                         ${of(activity, 'role')}::text[], ${activity.map((row) => Buffer.from(row.days))}::bytea[])
    ON CONFLICT (year, install_id, department, role)
    DO UPDATE SET days = bits_or(install_activity.days, excluded.days), changed = pg_current_xact_id()
    WHERE bits_or(install_activity.days, excluded.days) <> install_activity.days`);
  if (actions.length) {
    await tx.run(sql`
      INSERT INTO daily_action_counts (day, department, role, action_id, count)
      SELECT * FROM unnest(${of(actions, 'day')}::text[], ${of(actions, 'department')}::text[], ${of(actions, 'role')}::text[],
                           ${of(actions, 'actionId')}::text[], ${of(actions, 'count')}::integer[])
      ON CONFLICT (day, department, role, action_id) DO UPDATE SET count = daily_action_counts.count + excluded.count`);
  }
  if (reach.length) await addStoryReach(tx, reach);
  await tx.run(sql`
    INSERT INTO install_cells (year, install_id, department, cell, days)
    SELECT * FROM unnest(${of(cells, 'year')}::integer[], ${of(cells, 'installId')}::text[], ${of(cells, 'department')}::text[],
                         ${of(cells, 'role')}::text[], ${cells.map((row) => Buffer.from(row.days))}::bytea[])
    ON CONFLICT (year, install_id, department, cell)
    DO UPDATE SET days = bits_or(install_cells.days, excluded.days), changed = pg_current_xact_id()
    WHERE bits_or(install_cells.days, excluded.days) <> install_cells.days`);
  // A thanks counts once per story, credited department and install: the key keeps the first.
  if (thanks.length) {
    await tx.run(sql`
      INSERT INTO thanks (story_id, department, install_id, day)
      SELECT * FROM unnest(${of(thanks, 'storyId')}::text[], ${of(thanks, 'department')}::text[], ${of(thanks, 'installId')}::text[],
                           ${of(thanks, 'day')}::text[])
      ON CONFLICT DO NOTHING`);
  }
}

/**
 * Keeps the first STORY_REACH_KEPT installs of each week × department ×
 * story, exactly, with several instances writing at once: a group that is
 * not full yet is first locked (an advisory lock of this transaction, taken
 * in one order by every flush), so flushes adding to the same group run
 * that step one after another, and the insert that follows (a statement of
 * its own, so it sees what the flush before committed) fills up the rest in
 * the order the installs arrived. A full group stays full, so it needs no
 * lock: once a week's groups have filled, ingest takes none.
 */
async function addStoryReach(tx: PostgresQueries, reach: ReturnType<typeof tallyRollUps>['reach']): Promise<void> {
  const weeks = reach.map((r) => r.week);
  const departments = reach.map((r) => r.department);
  const stories = reach.map((r) => r.storyId);
  await tx.all(sql`
    SELECT pg_advisory_xact_lock(${sql.raw(String(STORY_REACH_LOCKS))}, g.key) FROM (
      SELECT DISTINCT hashtext(concat_ws('/', g.week, g.department, g.story_id)) AS key
      FROM unnest(${weeks}::text[], ${departments}::text[], ${stories}::text[]) AS g (week, department, story_id)
      WHERE (SELECT COUNT(*) FROM story_reach r WHERE r.week = g.week AND r.department = g.department AND r.story_id = g.story_id)
            < ${sql.raw(String(STORY_REACH_KEPT))}
      ORDER BY key
    ) g`);
  await tx.run(sql`
    INSERT INTO story_reach (week, department, story_id, install_id)
    SELECT week, department, story_id, install_id FROM (
      SELECT c.week, c.department, c.story_id, c.install_id,
             ROW_NUMBER() OVER (PARTITION BY c.week, c.department, c.story_id ORDER BY c.n) AS place,
             (SELECT COUNT(*) FROM story_reach r WHERE r.week = c.week AND r.department = c.department AND r.story_id = c.story_id) AS kept
      FROM unnest(${weeks}::text[], ${departments}::text[], ${stories}::text[], ${reach.map((r) => r.installId)}::text[])
           WITH ORDINALITY AS c (week, department, story_id, install_id, n)
      WHERE NOT EXISTS (SELECT 1 FROM story_reach r
                        WHERE r.week = c.week AND r.department = c.department AND r.story_id = c.story_id AND r.install_id = c.install_id)
    ) candidates
    WHERE place <= ${sql.raw(String(STORY_REACH_KEPT))} - kept
    ON CONFLICT DO NOTHING`);
}
