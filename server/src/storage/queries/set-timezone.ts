import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Sets the company's time zone (null: back to the server's TIMEZONE), as the settings' next revision. */
export function setTimezone(db: Database, timezone: string | null): void {
  statement(db, 'UPDATE settings SET timezone = ?, revision = revision + 1 WHERE id = 1').run(timezone);
}
