import { sql } from '../sql';
import type { Queries } from '../storage';

/** Whether this database was made for `pnpm demo` (markDemoDatabase): its figures are generated, the dashboard says so. */
export async function isDemoDatabase(q: Queries): Promise<boolean> {
  const row = await q.one<{ demo: number | boolean }>(sql`SELECT demo FROM settings WHERE id = 1`);
  return Boolean(row?.demo);
}
