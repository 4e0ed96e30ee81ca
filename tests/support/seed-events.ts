import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { insertEventsOnTime } from './on-time';

/**
 * Stores events into a running server's database file (as another process
 * would) through the ingest code, each week's events received on time:
 * history for a real server. Over HTTP they would arrive now, and an event
 * from a week that has finished counts on the day it arrives (rollUpEvent).
 */
export function seedEvents(databasePath: string, events: UsageEvent[], timezone = 'UTC'): number {
  const db = openDatabase(databasePath);
  try {
    return insertEventsOnTime(db, events, timezone, new Date()).accepted;
  } finally {
    db.close();
  }
}
