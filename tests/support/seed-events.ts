import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { storeEventsNow } from '../../server/src/storage/sqlite/store-events';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { onTimeBatches } from './on-time';

/**
 * Stores events into a running server's database file (as another process
 * would) through the ingest code, each week's events received on time:
 * history for a real server. Over HTTP they would arrive now, and an event
 * from a week that has finished counts on the day it arrives (rollUpEvent).
 */
export function seedEvents(databasePath: string, events: UsageEvent[], timezone = 'UTC'): number {
  const db = openDatabase(databasePath);
  try {
    let accepted = 0;
    for (const batch of onTimeBatches(events, timezone, new Date())) accepted += storeEventsNow(db, batch.events, timezone, batch.now).accepted;
    return accepted;
  } finally {
    db.close();
  }
}
