import type { DepartmentEntries } from '@customer-chair/shared/domain/department-entry-stats';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** A round's entries per department, and how many of each were recognized (set by publishing). */
export async function countDepartmentEntries(q: Queries, roundId: string): Promise<DepartmentEntries[]> {
  const rows = await q.all<DepartmentEntries>(
    sql`SELECT department, COUNT(*) AS entries, SUM(CASE WHEN outcome = 'recognized' THEN 1 ELSE 0 END) AS winners
        FROM recognition_entries WHERE round_id = ${roundId} GROUP BY department ORDER BY department`,
  );
  return rows.map((row) => ({ department: row.department, entries: Number(row.entries), winners: Number(row.winners) }));
}
