import type { ActivityRow } from '@customer-chair/shared/domain/count-active-installs';
import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

/** The activity rows of the years a range touches (one per install, department and role), optionally for one department. */
export function getInstallActivity(db: Database, range: { from: string; to: string }, department?: string): ActivityRow[] {
  const years = { first: Number(range.from.slice(0, 4)), last: Number(range.to.slice(0, 4)), department: department ?? null };
  const rows = statement(
    db,
    `SELECT year, install_id AS installId, department, role, days FROM install_activity
     WHERE year BETWEEN @first AND @last AND (@department IS NULL OR department = @department)`,
  ).all(years) as (Omit<ActivityRow, 'days'> & { days: Buffer })[];
  // A Buffer is a Uint8Array already: no copy.
  return rows as unknown as ActivityRow[];
}
