import { rollUpEvent } from '@customer-chair/shared/domain/roll-up-event';
import type { UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

export type InsertEventsResult = { accepted: number; duplicates: number };

const INSERT_EVENT = `
  INSERT INTO events (id, install_id, type, department, role, surface, at, day, story_id, prompt_id, action_id, received_at)
  VALUES (@id, @installId, @type, @department, @role, @surface, @at, @day, @storyId, @promptId, @actionId, @receivedAt)
  ON CONFLICT (id) DO NOTHING`;

const COUNT_EVENT = `
  INSERT INTO daily_counts (day, week, department, role, type, surface, count)
  VALUES (@day, @week, @department, @role, @type, @surface, 1)
  ON CONFLICT (day, department, role, type, surface) DO UPDATE SET count = count + 1`;

const MARK_INSTALL_ACTIVE = `
  INSERT INTO install_days (day, week, department, role, install_id)
  VALUES (@day, @week, @department, @role, @installId)
  ON CONFLICT DO NOTHING`;

const COUNT_ITEM = `
  INSERT INTO daily_item_counts (day, department, type, item_id, count)
  VALUES (@day, @department, @type, @itemId, 1)
  ON CONFLICT (day, department, type, item_id) DO UPDATE SET count = count + 1`;

/**
 * Stores a batch in one transaction: new events are kept and added to the
 * roll-ups; ids seen before (ever, or earlier in the batch) only count as
 * duplicates. Either the whole batch is stored or, on error, none of it.
 */
export function insertEvents(db: Database, events: UsageEvent[], timezone: string, now: Date): InsertEventsResult {
  const insertEvent = statement(db, INSERT_EVENT);
  const countEvent = statement(db, COUNT_EVENT);
  const markInstallActive = statement(db, MARK_INSTALL_ACTIVE);
  const countItem = statement(db, COUNT_ITEM);
  const receivedAt = now.toISOString();
  return db.transaction(() => {
    let accepted = 0;
    for (const event of events) {
      const rollUp = rollUpEvent(event, timezone);
      const inserted = insertEvent.run({
        id: event.id.toLowerCase(),
        installId: event.installId.toLowerCase(),
        type: event.type,
        department: event.department,
        role: event.role,
        surface: event.surface,
        at: event.at,
        day: rollUp.day,
        storyId: event.storyId ?? null,
        promptId: event.promptId ?? null,
        actionId: event.actionId ?? null,
        receivedAt,
      });
      if (inserted.changes === 0) continue;
      accepted++;
      const cell = { ...rollUp, installId: rollUp.installId.toLowerCase() };
      countEvent.run(cell);
      markInstallActive.run(cell);
      if (cell.itemId !== undefined) countItem.run(cell);
    }
    return { accepted, duplicates: events.length - accepted };
  })();
}
