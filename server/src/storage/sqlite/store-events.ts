import type { DailyCountRow } from '@customer-chair/shared/domain/daily-counts';
import type { ActivityRow } from '@customer-chair/shared/domain/install-activity';
import type { EventBatchResult, UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import { noteInstallActivity } from '../caches/activity-cache';
import { noteDailyCounts } from '../caches/daily-counts-cache';
import { noteInstallCells } from '../caches/install-cells-cache';
import { eventRows } from '../event-rows';
import { STORY_REACH_KEPT, tallyRollUps } from '../tally-roll-ups';
import { statement } from './statement';

const INSERT_EVENT = `
  INSERT INTO events (id, install_id, type, department, role, surface, at, day, story_id, prompt_id, action_id, received_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO NOTHING`;
const INSERT_INSTALL = 'INSERT INTO installs (install_id, first_seen_day) VALUES (?, ?) ON CONFLICT (install_id) DO NOTHING';
const ADD_COUNT = `
  INSERT INTO daily_counts (day, week, department, role, type, count) VALUES (@day, @week, @department, @role, @type, @count)
  ON CONFLICT (day, department, role, type) DO UPDATE SET count = count + excluded.count`;
const ADD_SURFACE_COUNT = `
  INSERT INTO daily_surface_counts (day, department, surface, type, count) VALUES (@day, @department, @surface, @type, @count)
  ON CONFLICT (day, department, surface, type) DO UPDATE SET count = count + excluded.count`;
const ADD_ITEM_COUNT = `
  INSERT INTO daily_item_counts (day, department, type, item_id, count) VALUES (@day, @department, @type, @itemId, @count)
  ON CONFLICT (day, department, type, item_id) DO UPDATE SET count = count + excluded.count`;
const ADD_ACTION_COUNT = `
  INSERT INTO daily_action_counts (day, department, role, action_id, count) VALUES (@day, @department, @role, @actionId, @count)
  ON CONFLICT (day, department, role, action_id) DO UPDATE SET count = count + excluded.count`;
const MARK_CELL = `
  INSERT INTO install_cells (year, install_id, department, cell, days) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (year, install_id, department, cell) DO UPDATE SET days = bits_or(days, excluded.days)`;
const ADD_STORY_REACH = `
  INSERT INTO story_reach (week, department, story_id, install_id)
  SELECT @week, @department, @storyId, @installId
  WHERE (SELECT COUNT(*) FROM story_reach WHERE week = @week AND department = @department AND story_id = @storyId) < ${STORY_REACH_KEPT}
  ON CONFLICT DO NOTHING`;
const ADD_THANKS = `
  INSERT INTO thanks (story_id, department, install_id, day) VALUES (@storyId, @department, @installId, @day)
  ON CONFLICT DO NOTHING`;
const MARK_ACTIVE = `
  INSERT INTO install_activity (year, install_id, department, role, days) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (year, install_id, department, role) DO UPDATE SET days = bits_or(days, excluded.days)`;

/** What a batch stored, and what the in-memory roll-ups take once it has committed. */
export type StoredEvents = EventBatchResult & { counted: DailyCountRow[]; marked: ActivityRow[]; cells: ActivityRow[] };

/**
 * Writes a batch's new events and their roll-ups inside the caller's
 * transaction (or savepoint), synchronously; ids seen before (ever, or
 * earlier in the batch) only count as duplicates. `noteStoredEvents` once
 * that has committed.
 */
export function storeEvents(db: Database, events: readonly UsageEvent[], timezone: string, now: Date): StoredEvents {
  const insertEvent = statement(db, INSERT_EVENT);
  const rows = eventRows(events, timezone, now);
  const accepted = rows.filter(
    (r) => insertEvent.run(r.id, r.installId, r.type, r.department, r.role, r.surface, r.at, r.day, r.storyId, r.promptId, r.actionId, r.receivedAt).changes === 1,
  );
  // First seen today (the company-local day of receipt); once per distinct install, known ones keep their day.
  const insertInstall = statement(db, INSERT_INSTALL);
  for (const installId of new Set(accepted.map((r) => r.installId))) insertInstall.run(installId, accepted[0]!.receivedOn);

  const tally = tallyRollUps(accepted.map((r) => r.rollUp));
  const run = (text: string, rows: readonly object[]) => {
    const prepared = statement(db, text);
    for (const row of rows) prepared.run(row);
  };
  const mark = (text: string, rows: readonly ActivityRow[]) => {
    const prepared = statement(db, text);
    for (const { year, installId, department, role, days } of rows) prepared.run(year, installId, department, role, Buffer.from(days));
  };
  run(ADD_COUNT, tally.counts);
  run(ADD_SURFACE_COUNT, tally.surfaces);
  run(ADD_ITEM_COUNT, tally.items);
  mark(MARK_ACTIVE, tally.activity);
  run(ADD_ACTION_COUNT, tally.actions);
  run(ADD_STORY_REACH, tally.reach);
  mark(MARK_CELL, tally.cells);
  run(ADD_THANKS, tally.thanks);
  return { accepted: accepted.length, duplicates: events.length - accepted.length, counted: tally.counts, marked: tally.activity, cells: tally.cells };
}

/** Committed: the in-memory roll-ups (of this connection) take the same counts and days. */
export function noteStoredEvents(db: Database, stored: StoredEvents): EventBatchResult {
  noteDailyCounts(db, stored.counted);
  noteInstallActivity(db, stored.marked);
  noteInstallCells(db, stored.cells);
  return { accepted: stored.accepted, duplicates: stored.duplicates };
}

/** Stores one batch in a transaction of its own, then notes it: `insertEvents` on SQLite, for synchronous callers. */
export function storeEventsNow(db: Database, events: readonly UsageEvent[], timezone: string, now: Date): EventBatchResult {
  return noteStoredEvents(db, db.transaction(storeEvents)(db, events, timezone, now));
}
