import type { EventBatchResult, UsageEvent } from '@customer-chair/shared/schemas/usage-event';
import { postgresEventWriter } from './postgres/postgres-event-writer';
import { sqliteEventWriter } from './sqlite/sqlite-event-writer';
import type { Storage } from './storage';

/** Stores batches of events, several at once in one transaction ("group commit"). */
export type EventWriter = {
  /** Stores a batch; settles once it has committed, with its own counts. */
  store(events: readonly UsageEvent[], timezone: string, now: Date): Promise<EventBatchResult>;
};

/**
 * The ingest path of the storage's engine: under load many extensions send
 * at once, and a commit costs more than a batch's rows, so the batches that
 * arrive together are committed together. An answer still means "stored".
 */
export function eventWriter(storage: Storage): EventWriter {
  return storage.engine === 'sqlite' ? sqliteEventWriter(storage) : postgresEventWriter(storage);
}
