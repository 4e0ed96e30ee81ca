import { SqliteDatabase as Database } from '../../server/src/storage/sqlite/sqlite-driver';
import { COUNTER_OF } from '../../shared/src/domain/build-stats';
import { sql } from '../../server/src/storage/sql';
import type { Storage } from '../../server/src/storage/storage';
import type { EventType } from '../../shared/src/schemas/usage-event';

type Figures = { storyViews: number; promptsShown: number; promptsInserted: number; storiesInserted: number; storiesShared: number; actionsTaken: number };

/**
 * What the server stored, read from its database file (read-only, beside
 * the running server): the events of the department (and surface) chosen,
 * counted as the dashboard counts them. The extension's end-to-end tests
 * check what reached the server this way: the stats show only whole,
 * finished weeks and groups of at least MIN_GROUP_SIZE, so the events a
 * test has just sent are never in them.
 */
export function storedFigures(databasePath: string, filter: { department?: string; role?: string; surface?: string } = {}): Figures & { actionsByRole: Record<string, number> } {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT type, role, COUNT(*) AS count FROM events
         WHERE (@department IS NULL OR department = @department) AND (@role IS NULL OR role = @role) AND (@surface IS NULL OR surface = @surface)
         GROUP BY type, role`,
      )
      .all({ department: filter.department ?? null, role: filter.role ?? null, surface: filter.surface ?? null }) as { type: Exclude<EventType, 'team_thanked'>; role: string; count: number }[];
    const figures = { storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 0, actionsByRole: {} as Record<string, number> };
    for (const { type, role, count } of rows) {
      // A thanks is no usage (the dashboard never counts it).
      if ((type as EventType) === 'team_thanked') continue;
      figures[COUNTER_OF[type]] += count;
      if (type === 'action_taken') figures.actionsByRole[role] = (figures.actionsByRole[role] ?? 0) + count;
    }
    return figures;
  } finally {
    db.close();
  }
}

/** How many rows a table of the server's database holds (`events`, `installs`…), on either engine. */
export async function countStored(storage: Storage, table: string): Promise<number> {
  return (await storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ${sql.raw(table)}`))!.n;
}

/** The sum of a roll-up's counts (`daily_counts`…), 0 when empty. */
export async function sumStored(storage: Storage, table: string): Promise<number> {
  return (await storage.one<{ n: number }>(sql`SELECT COALESCE(SUM(count), 0) AS n FROM ${sql.raw(table)}`))!.n;
}
