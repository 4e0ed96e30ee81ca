import { openDatabase } from '../../server/src/db/open-database';
import { insertEvents } from '../../server/src/queries/insert-events';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';

/**
 * Stores events into a server's database file (beside the running server,
 * as another process would) through the ingest code, each group of events
 * with the same `at` received a minute after it was sent: history for a
 * real server. Over HTTP they would arrive now, and an event from a week
 * that has finished counts on the day it arrives (rollUpEvent).
 */
export function seedEvents(databasePath: string, events: UsageEvent[], timezone = 'UTC'): number {
  const db = openDatabase(databasePath);
  try {
    const byTime = new Map<string, UsageEvent[]>();
    for (const event of events) byTime.set(event.at, [...(byTime.get(event.at) ?? []), event]);
    let accepted = 0;
    for (const [at, batch] of [...byTime].sort(([a], [b]) => a.localeCompare(b))) {
      accepted += insertEvents(db, batch, timezone, new Date(Date.parse(at) + 60_000)).accepted;
    }
    return accepted;
  } finally {
    db.close();
  }
}
