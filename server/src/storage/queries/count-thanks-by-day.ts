import type { ThanksCell } from '@customer-chair/shared/domain/build-listening-stats';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Thanks received per credited department and company-local day, from `from` to `to` (inclusive); never per install or story. */
export async function countThanksByDay(q: Queries, from: string, to: string): Promise<ThanksCell[]> {
  const rows = await q.all<{ department: string; day: string; count: number | string }>(
    sql`SELECT department, day, COUNT(*) AS count FROM thanks WHERE day BETWEEN ${from} AND ${to} GROUP BY department, day`,
  );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
