import type { UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import { noteStoredEvents, storeEvents, type InsertEventsResult, type StoredEvents } from '../queries/insert-events';

type Job = { events: UsageEvent[]; timezone: string; now: Date; resolve: (result: InsertEventsResult) => void; reject: (error: unknown) => void };
type Outcome = { stored: StoredEvents } | { error: unknown };

/** More batches than this wait for the next transaction. */
const MOST_BATCHES_PER_COMMIT = 64;

/**
 * Stores batches of events the way `insertEvents` does, but commits the
 * batches that arrive together in one transaction ("group commit"). Under
 * load many extensions send at once, and a commit — writing every touched
 * page to the WAL — costs more than a batch's rows: batches that were read
 * in the same turn of the event loop are stored at the end of it, each in
 * its own savepoint, under one commit. A batch that fails rolls back alone;
 * if the commit itself fails, every batch in it fails and none is stored.
 * Each caller's promise settles only once its batch has committed (or
 * not), so an answer still means "stored"; alone, a batch waits one turn.
 */
export function eventWriter(db: Database) {
  let waiting: Job[] = [];
  // Nested inside `storeAll`'s transaction, better-sqlite3 runs each batch in a savepoint.
  const storeOne = db.transaction((job: Job) => storeEvents(db, job.events, job.timezone, job.now));
  const storeAll = db.transaction((jobs: Job[]): Outcome[] =>
    jobs.map((job) => {
      try {
        return { stored: storeOne(job) };
      } catch (error) {
        return { error };
      }
    }),
  );

  function commit() {
    const jobs = waiting.splice(0, MOST_BATCHES_PER_COMMIT);
    if (waiting.length) setImmediate(commit);
    let outcomes: Outcome[];
    try {
      outcomes = storeAll(jobs);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) return job.reject(outcome.error);
      try {
        job.resolve(noteStoredEvents(db, outcome.stored));
      } catch (error) {
        // Stored, but not taken into memory: failing makes the extension send it again, harmlessly (a duplicate).
        job.reject(error);
      }
    });
  }

  return {
    /** Stores a batch; settles once it has committed. */
    store(events: UsageEvent[], timezone: string, now: Date): Promise<InsertEventsResult> {
      return new Promise((resolve, reject) => {
        waiting.push({ events, timezone, now, resolve, reject });
        if (waiting.length === 1) setImmediate(commit);
      });
    },
  };
}
