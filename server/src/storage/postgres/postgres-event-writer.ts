import type { EventBatchResult, UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import { statsCaches } from '../caches/stats-caches';
import { eventRows, type EventRow } from '../event-rows';
import type { PostgresQueries } from '../storage';
import { storeEventBatches } from './store-event-batches';

type Job = { rows: EventRow[]; resolve: (result: EventBatchResult) => void; reject: (error: unknown) => void };

/** More batches than this wait for the next transaction. */
const MOST_BATCHES_PER_COMMIT = 64;

/** An error the data of one batch can cause (SQLSTATE classes 22 data exception, 23 integrity constraint). */
const isDataError = (error: unknown) => /^2[23]/.test((error as { code?: unknown }).code?.toString() ?? '');

/**
 * Group commit on PostgreSQL: the batches that arrive while a transaction
 * is on its way are stored together in the next one (up to
 * MOST_BATCHES_PER_COMMIT), one statement per table for all of them
 * (storeEventBatches). One transaction at a time per instance: the next
 * group grows while the current one commits, and the instances together
 * write concurrently. A deadlock or serialization failure runs the whole
 * flush again (`retry`): safe, since storing is idempotent and nothing is
 * acknowledged before the commit. Each caller's promise settles once its
 * batch has committed (or not), with its own counts.
 *
 * A batch whose data the database refuses would fail the batches beside
 * it: then each is stored in a transaction of its own, so that it fails
 * alone, as on SQLite. Only that something changed is noted in memory: the
 * stats caches read the rows changed since they last looked (their
 * `changed` column) before this instance's next answer.
 */
export function postgresEventWriter(storage: PostgresQueries) {
  const waiting: Job[] = [];
  let flushing = false;

  const storeTogether = (jobs: readonly Job[]) => storage.transaction((tx) => storeEventBatches(tx as PostgresQueries, jobs.map((job) => job.rows)), { retry: true });

  async function flush(jobs: Job[]) {
    try {
      const results = await storeTogether(jobs);
      statsCaches.noteWritten();
      jobs.forEach((job, i) => job.resolve(results[i]!));
    } catch (error) {
      if (jobs.length === 1 || !isDataError(error)) return jobs.forEach((job) => job.reject(error));
      for (const job of jobs) {
        try {
          const [result] = await storeTogether([job]);
          statsCaches.noteWritten();
          job.resolve(result!);
        } catch (alone) {
          job.reject(alone);
        }
      }
    }
  }

  function next() {
    if (flushing || !waiting.length) return;
    flushing = true;
    // The batches read in this turn of the event loop join the flush.
    setImmediate(() => {
      void flush(waiting.splice(0, MOST_BATCHES_PER_COMMIT)).finally(() => {
        flushing = false;
        next();
      });
    });
  }

  return {
    store(events: readonly UsageEvent[], timezone: string, now: Date): Promise<EventBatchResult> {
      return new Promise((resolve, reject) => {
        let rows: EventRow[];
        try {
          rows = eventRows(events, timezone, now);
        } catch (error) {
          return reject(error);
        }
        waiting.push({ rows, resolve, reject });
        next();
      });
    },
  };
}
