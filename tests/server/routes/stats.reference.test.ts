import { describe, expect, it } from 'vitest';
import { localDay, weekStart } from '../../../shared/src/domain/local-day';
import { OTHER_ROLE } from '../../../shared/src/schemas/role';
import type { Stats } from '../../../shared/src/schemas/stats';
import { EVENT_TYPES, type UsageEvent } from '../../../shared/src/schemas/usage-event';
import { uuidv7 } from '../../support/make-event';
import { makeTestApp, postEvents } from '../../support/test-app';
import { seededRandom } from '../../support/seeded-random';


const COUNTER = {
  story_viewed: 'storyViews',
  prompt_shown: 'promptsShown',
  prompt_inserted: 'promptsInserted',
  story_inserted: 'storiesInserted',
  story_shared: 'storiesShared',
  action_taken: 'actionsTaken',
} as const;

/** The stats computed the slow, obvious way from the raw events: the oracle. */
function naiveStats(events: UsageEvent[], from: string, to: string, k: number, timezone: string) {
  const inRange = events.filter((e) => {
    const day = localDay(new Date(e.at), timezone);
    return day >= from && day <= to;
  });
  const byDepartment = new Map<string, UsageEvent[]>();
  for (const e of inRange) byDepartment.set(e.department, [...(byDepartment.get(e.department) ?? []), e]);
  const installsOf = (list: UsageEvent[]) => new Set(list.map((e) => e.installId)).size;
  const summarize = (list: UsageEvent[]) => {
    const counters: Record<string, number> = { activeInstalls: installsOf(list) };
    for (const type of EVENT_TYPES) counters[COUNTER[type]] = list.filter((e) => e.type === type).length;
    const actionsByRole: Record<string, number> = {};
    const roles = new Set(list.map((e) => e.role));
    for (const role of roles) {
      const ofRole = list.filter((e) => e.role === role);
      const actions = ofRole.filter((e) => e.type === 'action_taken').length;
      if (!actions) continue;
      const key = installsOf(ofRole) >= k ? role : OTHER_ROLE;
      actionsByRole[key] = (actionsByRole[key] ?? 0) + actions;
    }
    return { ...counters, actionsByRole };
  };
  const shown = [...byDepartment].filter(([, list]) => installsOf(list) >= k);
  const folded = [...byDepartment].filter(([, list]) => installsOf(list) < k);
  const foldedEvents = folded.flatMap(([, list]) => list);
  return {
    departments: shown.map(([department, list]) => ({ department, ...summarize(list) })).sort((a, b) => a.department.localeCompare(b.department)),
    other: folded.length ? { ...summarize(foldedEvents), departments: folded.length } : null,
    total: (({ actionsByRole: _, ...counters }) => counters)(summarize(inRange)) as Record<string, number>,
    // Weekly rows cover whole weeks, so they count every event of the weeks the range touches.
    weeklyActions: events.filter((e) => {
      const week = weekStart(localDay(new Date(e.at), timezone));
      return e.type === 'action_taken' && week >= weekStart(from) && week <= weekStart(to);
    }).length,
  };
}

describe('stats from roll-ups agree with a naive count of the raw events', () => {
  it.each([1, 2, 3])('random company, seed %i', async (seed) => {
    const rand = seededRandom(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const timezone = pick(['UTC', 'America/Chicago', 'Asia/Kolkata']);
    const k = 3;
    const t = makeTestApp({ now: '2026-11-23T12:00:00Z', config: { minGroupSize: k, timezone } });
    const departments = ['sales', 'legal', 'it', 'safety', 'finance', 'support'];
    const roles = ['sales', 'legal', 'it', 'engineering'];
    // Installs of varied sizes per department; a few switch department midway.
    const installs = Array.from({ length: 40 }, () => ({ id: uuidv7(), department: pick(departments), role: pick(roles) }));
    const events: UsageEvent[] = [];
    for (let i = 0; i < 1500; i++) {
      const install = pick(installs);
      if (rand() < 0.02) install.department = pick(departments);
      const type = pick(EVENT_TYPES);
      const at = new Date(Date.parse('2026-10-01T00:00:00Z') + Math.floor(rand() * 53 * 86_400_000)).toISOString();
      const field = type === 'action_taken' ? 'actionId' : type.startsWith('prompt') ? 'promptId' : 'storyId';
      events.push({
        id: uuidv7(Date.parse(at)),
        installId: install.id,
        type,
        department: install.department,
        role: install.role,
        surface: pick(['newtab', 'popup', 'meet', 'zoom'] as const),
        at,
        [field]: `item-${Math.floor(rand() * 5)}`,
      });
    }
    for (let i = 0; i < events.length; i += 500) {
      expect((await postEvents(t.app, { events: events.slice(i, i + 500) })).status).toBe(200);
    }
    // 2026-11-30 reaches past the newest activity (the dashboard's "last N days" path);
    // 2026-11-15 ends in the past (the per-day path). Both must agree with the oracle.
    for (const to of ['2026-11-30', '2026-11-15']) {
      const response = await t.app.request(`/api/v1/stats?from=2026-10-10&to=${to}`, { headers: t.admin });
      const stats = (await response.json()) as Stats;
      const expected = naiveStats(events, '2026-10-10', to, k, timezone);
      expect(stats.departments, to).toEqual(expected.departments);
      expect(stats.other, to).toEqual(expected.other);
      expect(stats.total, to).toEqual(expected.total);
      expect(stats.weekly.reduce((sum, w) => sum + w.actionsTaken, 0), to).toBe(expected.weeklyActions);
    }
  });
});
