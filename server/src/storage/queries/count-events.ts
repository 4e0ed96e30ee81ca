import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** How many raw events are stored. */
export function countEvents(db: Database): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
}
