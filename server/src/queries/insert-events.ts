import { rollUpEvent, type EventRollUp } from '@customer-chair/shared/domain/roll-up-event';
import type { UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

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
const MARK_DAY = `INSERT INTO install_days (day, department, role, install_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`;
const MARK_WEEK = `INSERT INTO install_weeks (week, department, install_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`;
const MARK_LAST_SEEN = `
  INSERT INTO install_last_seen (install_id, department, role, last_day) VALUES (?, ?, ?, ?)
  ON CONFLICT (install_id, department, role) DO UPDATE SET last_day = max(last_day, excluded.last_day)`;

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

/**
 * Stores a batch in one transaction: new events are kept and added to the
 * roll-ups; ids seen before (ever, or earlier in the batch) only count as
 * duplicates. Either the whole batch is stored or, on error, none of it.
 * Roll-up increments are summed per cell first, so a batch of 20 events
 * from one install touches each roll-up row once.
 */
export function insertEvents(db: Database, events: UsageEvent[], timezone: string, now: Date): InsertEventsResult {
  const insertEvent = statement(db, INSERT_EVENT);
  const receivedAt = now.toISOString();
  return db.transaction(() => {
    const accepted: EventRollUp[] = [];
    for (const event of events) {
      const rollUp = rollUpEvent(event, timezone);
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
    addToRollUps(db, accepted);
    return { accepted: accepted.length, duplicates: events.length - accepted.length };
  })();
}

function addToRollUps(db: Database, rollUps: EventRollUp[]): void {
  const counts = new Tally<[string, string, string, string, string]>();
  const surfaces = new Tally<[string, string, string, string]>();
  const items = new Tally<[string, string, string, string]>();
  const days = new Tally<[string, string, string, string]>();
  const weeks = new Tally<[string, string, string]>();
  const lastSeen = new Map<string, [string, string, string, string]>();
  for (const r of rollUps) {
    counts.add(r.day, r.week, r.department, r.role, r.type);
    surfaces.add(r.day, r.department, r.surface, r.type);
    if (r.itemId !== undefined) items.add(r.day, r.department, r.type, r.itemId);
    days.add(r.day, r.department, r.role, r.installId);
    weeks.add(r.week, r.department, r.installId);
    const key = `${r.installId}\u0000${r.department}\u0000${r.role}`;
    const seen = lastSeen.get(key);
    if (!seen || seen[3] < r.day) lastSeen.set(key, [r.installId, r.department, r.role, r.day]);
  }
  const addCount = statement(db, ADD_COUNT);
  for (const cell of counts.entries()) addCount.run(...cell);
  const addSurface = statement(db, ADD_SURFACE_COUNT);
  for (const cell of surfaces.entries()) addSurface.run(...cell);
  const addItem = statement(db, ADD_ITEM_COUNT);
  for (const cell of items.entries()) addItem.run(...cell);
  const markDay = statement(db, MARK_DAY);
  for (const [day, department, role, installId] of days.entries()) markDay.run(day, department, role, installId);
  const markWeek = statement(db, MARK_WEEK);
  for (const [week, department, installId] of weeks.entries()) markWeek.run(week, department, installId);
  const markLastSeen = statement(db, MARK_LAST_SEEN);
  for (const row of lastSeen.values()) markLastSeen.run(...row);
}
