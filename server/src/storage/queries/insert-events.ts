import type { DailyCountRow } from '@customer-chair/shared/domain/daily-counts';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '@customer-chair/shared/domain/set-day-bit';
import type { ActivityRow } from '@customer-chair/shared/domain/install-activity';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { rollUpEvent, type EventRollUp } from '@customer-chair/shared/domain/roll-up-event';
import type { EventType, UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import { noteInstallActivity } from '../caches/activity-cache';
import { noteDailyCounts } from '../caches/daily-counts-cache';
import { actionCell, noteInstallCells, surfaceCell } from '../caches/install-cells-cache';
import { statement } from '../sqlite/statement';
import { insertInstalls } from './insert-installs';

export type InsertEventsResult = { accepted: number; duplicates: number };

const INSERT_EVENT = `
  INSERT INTO events (id, install_id, type, department, role, surface, at, day, story_id, prompt_id, action_id, received_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO NOTHING`;
const ADD_COUNT = `
  INSERT INTO daily_counts (day, week, department, role, type, count) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (day, department, role, type) DO UPDATE SET count = count + excluded.count`;
const ADD_SURFACE_COUNT = `
  INSERT INTO daily_surface_counts (day, department, surface, type, count) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (day, department, surface, type) DO UPDATE SET count = count + excluded.count`;
const ADD_ITEM_COUNT = `
  INSERT INTO daily_item_counts (day, department, type, item_id, count) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (day, department, type, item_id) DO UPDATE SET count = count + excluded.count`;
const ADD_ACTION_COUNT = `
  INSERT INTO daily_action_counts (day, department, role, action_id, count) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (day, department, role, action_id) DO UPDATE SET count = count + excluded.count`;
const MARK_CELL = `
  INSERT INTO install_cells (year, install_id, department, cell, days) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (year, install_id, department, cell) DO UPDATE SET days = bits_or(days, excluded.days)`;
/** Install ids kept per week, department and story (see migration 007). */
export const STORY_REACH_KEPT = 20;
const ADD_STORY_REACH = `
  INSERT INTO story_reach (week, department, story_id, install_id)
  SELECT @week, @department, @storyId, @installId
  WHERE (SELECT COUNT(*) FROM story_reach WHERE week = @week AND department = @department AND story_id = @storyId) < ${STORY_REACH_KEPT}
  ON CONFLICT DO NOTHING`;
const MARK_ACTIVE = `
  INSERT INTO install_activity (year, install_id, department, role, days) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (year, install_id, department, role) DO UPDATE SET days = bits_or(days, excluded.days)`;

/** Counts per key, keeping the key's parts (a batch often repeats the same cells). */
class Tally<Parts extends unknown[]> {
  private cells = new Map<string, { parts: Parts; count: number }>();
  add(...parts: Parts) {
    const key = parts.join('\u0000');
    const cell = this.cells.get(key);
    if (cell) cell.count++;
    else this.cells.set(key, { parts, count: 1 });
  }
  *entries(): Iterable<[...Parts, number]> {
    for (const { parts, count } of this.cells.values()) yield [...parts, count];
  }
}

/** What a batch stored, and what the in-memory roll-ups take once it has committed. */
export type StoredEvents = InsertEventsResult & { counted: DailyCountRow[]; marked: ActivityRow[]; cells: ActivityRow[] };

/**
 * Stores a batch in one transaction: new events are kept and added to the
 * roll-ups; ids seen before (ever, or earlier in the batch) only count as
 * duplicates. Either the whole batch is stored or, on error, none of it.
 * Roll-up increments are summed per cell first, so a batch of 20 events
 * from one install touches each roll-up row once.
 */
export function insertEvents(db: Database, events: UsageEvent[], timezone: string, now: Date): InsertEventsResult {
  const stored = db.transaction(storeEvents)(db, events, timezone, now);
  return noteStoredEvents(db, stored);
}

/**
 * Writes a batch's events and roll-ups inside the caller's transaction (or
 * savepoint); `noteStoredEvents` once that has committed.
 */
export function storeEvents(db: Database, events: UsageEvent[], timezone: string, now: Date): StoredEvents {
  const insertEvent = statement(db, INSERT_EVENT);
  const receivedAt = now.toISOString();
  const accepted: EventRollUp[] = [];
  // Events from a week that has finished count today (see rollUpEvent): a finished week never changes.
  const today = localDay(now, timezone);
  for (const event of events) {
    const rollUp = rollUpEvent(event, timezone, today);
    rollUp.installId = rollUp.installId.toLowerCase();
    const { changes } = insertEvent.run(
      event.id.toLowerCase(),
      rollUp.installId,
      event.type,
      event.department,
      event.role,
      event.surface,
      event.at,
      rollUp.day,
      event.storyId ?? null,
      event.promptId ?? null,
      event.actionId ?? null,
      receivedAt,
    );
    if (changes === 1) accepted.push(rollUp);
  }
  // First seen today (the company-local day of receipt); once per distinct install, known ones keep their day.
  insertInstalls(db, new Set(accepted.map((r) => r.installId)), today);
  return { accepted: accepted.length, duplicates: events.length - accepted.length, ...addToRollUps(db, accepted) };
}

/** Committed: the in-memory roll-ups take the same counts and days. */
export function noteStoredEvents(db: Database, stored: StoredEvents): InsertEventsResult {
  noteDailyCounts(db, stored.counted);
  noteInstallActivity(db, stored.marked);
  noteInstallCells(db, stored.cells);
  return { accepted: stored.accepted, duplicates: stored.duplicates };
}

/** Adds the batch to every roll-up; answers the daily counts it added and the install activity rows it marked. */
function addToRollUps(db: Database, rollUps: EventRollUp[]): { counted: DailyCountRow[]; marked: ActivityRow[]; cells: ActivityRow[] } {
  const counts = new Tally<[string, string, string, string, EventType]>();
  const surfaces = new Tally<[string, string, string, string]>();
  const items = new Tally<[string, string, string, string]>();
  const actions = new Tally<[string, string, string, string]>();
  const reach = new Map<string, { week: string; department: string; storyId: string; installId: string }>();
  const activity = new Map<string, ActivityRow>();
  // Rows of install × department × cell (surface, or role and action), in the role's place.
  const cells = new Map<string, ActivityRow>();
  const markDay = (rows: Map<string, ActivityRow>, r: EventRollUp, role: string) => {
    const year = Number(r.day.slice(0, 4));
    const key = `${year}\u0000${r.installId}\u0000${r.department}\u0000${role}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { year, installId: r.installId, department: r.department, role, days: new Uint8Array(DAY_BITS_BYTES) }));
    setDayBit(row.days, dayOfYear(r.day));
  };
  for (const r of rollUps) {
    markDay(cells, r, surfaceCell(r.surface));
    if (r.itemId !== undefined && r.type.startsWith('story_')) {
      reach.set(`${r.week}\u0000${r.department}\u0000${r.itemId}\u0000${r.installId}`, { week: r.week, department: r.department, storyId: r.itemId, installId: r.installId });
    }
    if (r.type === 'action_taken' && r.itemId !== undefined) {
      actions.add(r.day, r.department, r.role, r.itemId);
      markDay(cells, r, actionCell(r.role, r.itemId));
    }
    counts.add(r.day, r.week, r.department, r.role, r.type);
    surfaces.add(r.day, r.department, r.surface, r.type);
    if (r.itemId !== undefined) items.add(r.day, r.department, r.type, r.itemId);
    markDay(activity, r, r.role);
  }
  const counted: DailyCountRow[] = [];
  const addCount = statement(db, ADD_COUNT);
  for (const [day, week, department, role, type, count] of counts.entries()) {
    addCount.run(day, week, department, role, type, count);
    counted.push({ day, week, department, role, type, count });
  }
  const addSurface = statement(db, ADD_SURFACE_COUNT);
  for (const cell of surfaces.entries()) addSurface.run(...cell);
  const addItem = statement(db, ADD_ITEM_COUNT);
  for (const cell of items.entries()) addItem.run(...cell);
  const markActive = statement(db, MARK_ACTIVE);
  for (const { year, installId, department, role, days } of activity.values()) markActive.run(year, installId, department, role, Buffer.from(days));
  const addAction = statement(db, ADD_ACTION_COUNT);
  for (const cell of actions.entries()) addAction.run(...cell);
  const addReach = statement(db, ADD_STORY_REACH);
  for (const row of reach.values()) addReach.run(row);
  const markCell = statement(db, MARK_CELL);
  for (const { year, installId, department, role, days } of cells.values()) markCell.run(year, installId, department, role, Buffer.from(days));
  return { counted, marked: [...activity.values()], cells: [...cells.values()] };
}
