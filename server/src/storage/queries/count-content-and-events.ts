import { sql } from '../sql';
import type { Queries } from '../storage';

export type ContentAndEventCounts = { events: number; stories: number; prompts: number; roles: number; departments: number };

/** How much a database holds, for the backup's report. */
export async function countContentAndEvents(q: Queries): Promise<ContentAndEventCounts> {
  const counts = await q.one<ContentAndEventCounts>(sql`
    SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM stories) AS stories, (SELECT COUNT(*) FROM prompts) AS prompts,
           (SELECT COUNT(*) FROM roles) AS roles, (SELECT COUNT(*) FROM departments) AS departments`);
  return counts!;
}
