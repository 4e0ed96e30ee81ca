import type { EventBatchResult, UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import type { SqliteQueries } from '../storage';
import { noteStoredEvents, storeEvents, type StoredEvents } from './store-events';

type Job = { events: readonly UsageEvent[]; timezone: string; now: Date; resolve: (result: EventBatchResult) => void; reject: (error: unknown) => void };
type Outcome = { stored: StoredEvents } | { error: unknown };

/** More batches than this wait for the next transaction. */
const MOST_BATCHES_PER_COMMIT = 64;

/**
 * Stores batches of events the way `insertEvents` does, but commits the
 * batches that arrive together in one transaction ("group commit"). Under
 * load many extensions send at once, and a commit — writing every touched
 * page to the WAL — costs more than a batch's rows: batches that were read
 * in the same turn of the event loop are stored at the end of it, each in
 * its own savepoint, under one commit, synchronously on the connection
 * (`sync`: after any transaction open on it has ended; the batches that
 * arrive meanwhile join). A batch that fails rolls back alone; if the
 * commit itself fails, every batch in it fails and none is stored. Each
 * caller's promise settles only once its batch has committed (or not), so
 * an answer still means "stored"; alone, a batch waits one turn. Once
 * committed, the connection's in-memory roll-ups take what was stored.
 */
export function sqliteEventWriter(storage: SqliteQueries) {
  const waiting: Job[] = [];
  let scheduled = false;
  const storeAllOn = new WeakMap<Database, (jobs: Job[]) => Outcome[]>();

  function transactionOf(db: Database) {
    let storeAll = storeAllOn.get(db);
    if (!storeAll) {
      // Nested inside `storeAll`'s transaction, better-sqlite3 runs each batch in a savepoint.
      const storeOne = db.transaction((job: Job) => storeEvents(db, job.events, job.timezone, job.now));
      storeAll = db.transaction((jobs: Job[]): Outcome[] =>
        jobs.map((job) => {
          try {
            return { stored: storeOne(job) };
          } catch (error) {
            return { error };
          }
        }),
      );
      storeAllOn.set(db, storeAll);
    }
    return storeAll;
  }

  function commit(db: Database) {
    scheduled = false;
    const jobs = waiting.splice(0, MOST_BATCHES_PER_COMMIT);
    if (waiting.length) schedule();
    let outcomes: Outcome[];
    try {
      outcomes = transactionOf(db)(jobs);
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

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      storage.sync(commit).catch((error: unknown) => {
        // commit settles the batches it takes; should it ever throw, none waiting is left hanging.
        scheduled = false;
        for (const job of waiting.splice(0)) job.reject(error);
      });
    });
  }

  return {
    store(events: readonly UsageEvent[], timezone: string, now: Date): Promise<EventBatchResult> {
      return new Promise((resolve, reject) => {
        waiting.push({ events, timezone, now, resolve, reject });
        schedule();
      });
    },
  };
}
