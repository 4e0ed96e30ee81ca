import type { EventBatchResult, UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import { statsCaches } from '../caches/stats-caches';
import { eventRows } from '../event-rows';
import { storeEventBatches } from '../postgres/store-event-batches';
import { storeEventsNow } from '../sqlite/store-events';
import type { PostgresQueries, SqliteQueries } from '../storage';

export { STORY_REACH_KEPT } from '../tally-roll-ups';

/** How many of a batch's events were new, and how many were stored before (ever, or earlier in the batch). */
export type InsertEventsResult = EventBatchResult;

/**
 * Stores a batch in one transaction (a savepoint inside one): new events are
 * kept and added to the roll-ups; ids seen before (ever, or earlier in the
 * batch) only count as duplicates. Either the whole batch is stored or, on
 * error, none of it. The ingest route goes through `eventWriter`, which
 * commits the batches that arrive together at once; this is one batch
 * alone (seeding, tools, tests).
 */
export async function insertEvents(q: SqliteQueries | PostgresQueries, events: readonly UsageEvent[], timezone: string, now: Date): Promise<InsertEventsResult> {
  if (q.engine === 'sqlite') return q.sync((db) => storeEventsNow(db, events, timezone, now));
  const rows = eventRows(events, timezone, now);
  const [result] = await q.transaction((tx) => storeEventBatches(tx as PostgresQueries, [rows]), { retry: true });
  statsCaches.noteWritten();
  return result!;
}
