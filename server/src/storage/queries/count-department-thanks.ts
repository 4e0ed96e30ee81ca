import { sql } from '../sql';
import type { Queries } from '../storage';

/** Thanks `department` received from `from` to `to` (company-local days, inclusive): once per story and install. */
export async function countDepartmentThanks(q: Queries, department: string, from: string, to: string): Promise<number> {
  const row = await q.one<{ n: number | string }>(sql`SELECT COUNT(*) AS n FROM thanks WHERE department = ${department} AND day BETWEEN ${from} AND ${to}`);
  return Number(row!.n);
}
