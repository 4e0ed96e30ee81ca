import { weekStart } from '../../shared/src/domain/local-day';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../shared/src/domain/set-day-bit';
import { sql } from '../../server/src/storage/sql';
import type { Storage } from '../../server/src/storage/storage';

type EventRow = {
  installId: string;
  type: string;
  department: string;
  role: string;
  surface: string;
  day: string;
  storyId: string | null;
  promptId: string | null;
  actionId: string | null;
};

/** At most this many installs are kept per week, department and story (story_reach). */
const REACH_KEPT = 20;

/**
 * Every roll-up as the server stored it, and the same worked out again the
 * obvious way from the raw events (each counted on its stored `day`), as
 * sorted lines per table: after any ingest (and before any prune) the two
 * must be equal. story_reach keeps the first installs to arrive, which the
 * raw events do not say: it is compared as installs kept per group (all of
 * them up to 20) and the rows that name an install the group never had.
 * A thanks (team_thanked) adds only install activity and its surface cell,
 * and a `thanks` row per story and department thanked: the events do not
 * keep the department, so those rows are compared by story and install.
 */
export async function recountRollUps(storage: Storage): Promise<{ stored: Record<string, string[]>; recounted: Record<string, string[]> }> {
  const events = await storage.all<EventRow>(sql`
    SELECT install_id AS "installId", type, department, role, surface, day,
           story_id AS "storyId", prompt_id AS "promptId", action_id AS "actionId"
    FROM events`);
  const counts = new Map<string, number>();
  const bits = new Map<string, Uint8Array>();
  const count = (table: string, ...key: unknown[]) => {
    const line = [table, ...key].join('|');
    counts.set(line, (counts.get(line) ?? 0) + 1);
  };
  const mark = (table: string, year: number, installId: string, department: string, cell: string, day: string) => {
    const line = [table, year, installId, department, cell].join('|');
    let days = bits.get(line);
    if (!days) bits.set(line, (days = new Uint8Array(DAY_BITS_BYTES)));
    setDayBit(days, dayOfYear(day));
  };
  const reach = new Map<string, Set<string>>();
  // The events do not keep the department thanked: the thanks rows are compared by story and install.
  const thanked = new Set<string>();
  for (const e of events) {
    const year = Number(e.day.slice(0, 4));
    if (e.type === 'team_thanked') {
      // A thanks is no usage: the install was active (its role, the surface used), and a thanks row names the story.
      mark('install_activity', year, e.installId, e.department, e.role, e.day);
      mark('install_cells', year, e.installId, e.department, `surface:${e.surface}`, e.day);
      if (e.storyId !== null) thanked.add(`${e.storyId}|${e.installId}`);
      continue;
    }
    const itemId = e.type === 'action_taken' ? e.actionId : e.type.startsWith('story_') ? e.storyId : e.promptId;
    count('daily_counts', e.day, weekStart(e.day), e.department, e.role, e.type);
    count('daily_surface_counts', e.day, e.department, e.surface, e.type);
    if (itemId !== null) count('daily_item_counts', e.day, e.department, e.type, itemId);
    if (e.type === 'action_taken') count('daily_action_counts', e.day, e.department, e.role, e.actionId);
    mark('install_activity', year, e.installId, e.department, e.role, e.day);
    mark('install_cells', year, e.installId, e.department, `surface:${e.surface}`, e.day);
    if (e.type === 'action_taken') mark('install_cells', year, e.installId, e.department, `action:${e.role}:${e.actionId}`, e.day);
    if (e.type.startsWith('story_') && e.storyId !== null) {
      const group = [weekStart(e.day), e.department, e.storyId].join('|');
      let installs = reach.get(group);
      if (!installs) reach.set(group, (installs = new Set()));
      installs.add(e.installId);
    }
  }
  const recounted: Record<string, string[]> = {
    installs: [...new Set(events.map((e) => e.installId))],
    daily_counts: [],
    daily_surface_counts: [],
    daily_item_counts: [],
    daily_action_counts: [],
    install_activity: [],
    install_cells: [],
    story_reach: [...reach].map(([group, installs]) => `${group}|${Math.min(REACH_KEPT, installs.size)}`),
    story_reach_strays: [],
    thanks: [...thanked],
  };
  for (const [line, n] of counts) {
    const [table, ...key] = line.split('|');
    recounted[table!]!.push([...key, n].join('|'));
  }
  for (const [line, days] of bits) {
    const [table, ...key] = line.split('|');
    recounted[table!]!.push([...key, Buffer.from(days).toString('hex')].join('|'));
  }

  const lines = async (query: ReturnType<typeof sql>) =>
    (await storage.all<Record<string, unknown>>(query)).map((row) =>
      Object.values(row)
        .map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : String(v)))
        .join('|'),
    );
  const kept = await storage.all<{ week: string; department: string; storyId: string; installId: string }>(
    sql`SELECT week, department, story_id AS "storyId", install_id AS "installId" FROM story_reach`,
  );
  const keptPerGroup = new Map<string, number>();
  for (const r of kept) {
    const group = [r.week, r.department, r.storyId].join('|');
    keptPerGroup.set(group, (keptPerGroup.get(group) ?? 0) + 1);
  }
  const stored: Record<string, string[]> = {
    installs: await lines(sql`SELECT install_id FROM installs`),
    daily_counts: await lines(sql`SELECT day, week, department, role, type, count FROM daily_counts`),
    daily_surface_counts: await lines(sql`SELECT day, department, surface, type, count FROM daily_surface_counts`),
    daily_item_counts: await lines(sql`SELECT day, department, type, item_id, count FROM daily_item_counts`),
    daily_action_counts: await lines(sql`SELECT day, department, role, action_id, count FROM daily_action_counts`),
    install_activity: await lines(sql`SELECT year, install_id, department, role, days FROM install_activity`),
    install_cells: await lines(sql`SELECT year, install_id, department, cell, days FROM install_cells`),
    story_reach: [...keptPerGroup].map(([group, n]) => `${group}|${n}`),
    thanks: [...new Set(await lines(sql`SELECT story_id, install_id FROM thanks`))],
    story_reach_strays: kept.filter((r) => !reach.get([r.week, r.department, r.storyId].join('|'))?.has(r.installId)).map((r) => Object.values(r).join('|')),
  };
  for (const table of [stored, recounted]) for (const rows of Object.values(table)) rows.sort();
  return { stored, recounted };
}
