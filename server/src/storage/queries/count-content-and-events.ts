import type { Database } from 'better-sqlite3';

export type ContentAndEventCounts = { events: number; stories: number; prompts: number; roles: number; departments: number };

/** How much a database holds, for the backup's report. */
export function countContentAndEvents(db: Database): ContentAndEventCounts {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { events: count('events'), stories: count('stories'), prompts: count('prompts'), roles: count('roles'), departments: count('departments') };
}
