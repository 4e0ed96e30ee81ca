import { localDay, weekStart } from '../../shared/src/domain/local-day';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { insertEvents, type InsertEventsResult } from '../../server/src/storage/queries/insert-events';
import type { PostgresQueries, SqliteQueries } from '../../server/src/storage/storage';

/**
 * Events split as the extensions would have sent them on time: one batch per
 * company-local week, in week order, each arriving a second after its latest
 * event (or at it, when a second later is already the next week), never after
 * `notAfter`. Ingest counts an event from a week that had finished when it
 * arrived on its arrival day; sent on time, every event keeps its own day.
 */
export function onTimeBatches<E extends Pick<UsageEvent, 'at'>>(events: readonly E[], timezone: string, notAfter: Date): { events: E[]; now: Date }[] {
  const weekOf = (ms: number) => weekStart(localDay(new Date(ms), timezone));
  const byWeek = new Map<string, E[]>();
  for (const event of events) {
    const week = weekOf(Date.parse(event.at));
    byWeek.set(week, [...(byWeek.get(week) ?? []), event]);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([week, batch]) => {
      const latest = Math.max(...batch.map((e) => Date.parse(e.at)));
      const arrival = weekOf(latest + 1000) === week ? latest + 1000 : latest;
      return { events: batch, now: new Date(Math.min(arrival, notAfter.getTime())) };
    });
}

/** `insertEvents` with each week's events arriving on time (see onTimeBatches); the results summed. */
export async function insertEventsOnTime(
  q: SqliteQueries | PostgresQueries,
  events: UsageEvent[],
  timezone: string,
  notAfter: Date,
): Promise<InsertEventsResult> {
  const result = { accepted: 0, duplicates: 0 };
  for (const batch of onTimeBatches(events, timezone, notAfter)) {
    const stored = await insertEvents(q, batch.events, timezone, batch.now);
    result.accepted += stored.accepted;
    result.duplicates += stored.duplicates;
  }
  return result;
}
