import type { VoiceCell } from '@customer-chair/shared/domain/build-listening-stats';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Voice messages per department, company-local day and kind, from `from` to `to` (inclusive). */
export async function countVoiceByDay(q: Queries, from: string, to: string): Promise<VoiceCell[]> {
  const rows = await q.all<{ department: string; day: string; kind: VoiceCell['kind']; count: number | string }>(
    sql`SELECT department, day, kind, COUNT(*) AS count FROM voice_messages WHERE day BETWEEN ${from} AND ${to} GROUP BY department, day, kind`,
  );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
