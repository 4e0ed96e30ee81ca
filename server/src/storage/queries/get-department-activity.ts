import type { DepartmentWeek } from '@customer-chair/shared/domain/build-department-detail';
import { addDays, weekStart } from '@customer-chair/shared/domain/local-day';
import type { DisclosureBucket } from '@customer-chair/shared/domain/plan-disclosure';
import { weekInstallGroups } from '@customer-chair/shared/domain/week-install-groups';
import type { UsageEventType as EventType, Surface } from '@customer-chair/shared/schemas/usage-event';
import { actionCell, surfaceCell } from '../caches/install-cells-cache';
import { statsCaches } from '../caches/stats-caches';
import { sql } from '../sql';
import type { Queries, Storage } from '../storage';

type Reach = { week: string; storyId: string; installId: string };
type SurfaceCount = { day: string; surface: Surface; type: EventType; count: number };
type ActionCount = { day: string; role: string; actionId: string; count: number };
type ItemCount = { day: string; type: EventType; itemId: string; count: number };

/**
 * One department's roll-ups, week by week (`weeks`: Mondays): what was
 * done on which surface, which actions under which role, which stories,
 * and how many installs used each surface and action; the install cells
 * held in memory and the rows read here as of the same commit.
 */
export async function getDepartmentActivity(storage: Storage, department: string, weeks: readonly string[]): Promise<DepartmentWeek[]> {
  if (weeks.length === 0) return [];
  // From the first Monday through the last week's Sunday.
  const from = weeks[0]!;
  const to = addDays(weeks[weeks.length - 1]!, 6);
  const inRange = sql`department = ${department} AND day BETWEEN ${from} AND ${to}`;
  const read = async (q: Queries) => ({
    reach: await q.all<Reach>(
      sql`SELECT week, story_id AS "storyId", install_id AS "installId" FROM story_reach WHERE department = ${department} AND week BETWEEN ${from} AND ${to}`,
    ),
    surfaces: await q.all<SurfaceCount>(sql`SELECT day, surface, type, count FROM daily_surface_counts WHERE ${inRange}`),
    actions: await q.all<ActionCount>(sql`SELECT day, role, action_id AS "actionId", count FROM daily_action_counts WHERE ${inRange}`),
    items: await q.all<ItemCount>(sql`SELECT day, type, item_id AS "itemId", count FROM daily_item_counts WHERE ${inRange}`),
  });
  return statsCaches.readWith(storage, read, ({ installCells }, rows) => {
    const byWeek = new Map<string, DepartmentWeek>();
    for (const week of weeks) {
      const within = weekInstallGroups(installCells, week, { onePerInstall: false }).within(department);
      byWeek.set(week, {
        week,
        surfaces: renamed(within, (surface) => surfaceCell(surface as Surface), 'surface:'),
        actions: (role) => renamed(within, (actionId) => actionCell(role, actionId), `action:${role}:`),
        stories: { sizes: new Map(), unionSize: () => 0 },
        surfaceCounts: [],
        actionCounts: [],
        items: [],
      });
    }
    const weekOf = (day: string) => byWeek.get(weekStart(day));
    const reach = new Map<string, Map<string, Set<string>>>();
    for (const row of rows.reach) {
      let stories = reach.get(row.week);
      if (!stories) reach.set(row.week, (stories = new Map()));
      let installs = stories.get(row.storyId);
      if (!installs) stories.set(row.storyId, (installs = new Set()));
      installs.add(row.installId);
    }
    for (const [week, stories] of reach) {
      const entry = byWeek.get(week);
      if (!entry) continue;
      entry.stories = {
        sizes: new Map([...stories].map(([storyId, installs]) => [storyId, installs.size])),
        unionSize: (names) => new Set(names.flatMap((name) => [...(stories.get(name) ?? [])])).size,
      };
    }
    // Each roll-up's rows of the department, day by day, into the week they belong to.
    for (const { day, ...count } of rows.surfaces) weekOf(day)?.surfaceCounts.push(count);
    for (const { day, ...count } of rows.actions) weekOf(day)?.actionCounts.push(count);
    for (const { day, ...count } of rows.items) weekOf(day)?.items.push(count);
    return [...byWeek.values()];
  });
}

/** The cells of one kind (those whose key starts with `prefix`) by their own names. */
function renamed(within: DisclosureBucket, key: (name: string) => string, prefix: string): DisclosureBucket {
  const sizes = new Map<string, number>();
  for (const [cell, size] of within.sizes) if (cell.startsWith(prefix)) sizes.set(cell.slice(prefix.length), size);
  return { sizes, unionSize: (names) => within.unionSize(names.map(key)) };
}
