import { describe, expect, it } from 'vitest';
import { localDay } from '../../../shared/src/domain/local-day';
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

/*
 * The oracle: the stats worked out the slow, obvious way from the raw events
 * the test sent, following the disclosure rule as the README states it, with
 * none of the server's code (no roll-ups, no bitmaps, no plan-disclosure):
 * - an event counts on its company-local day, unless its week had already
 *   finished when it arrived: then it counts on the day it arrived;
 * - figures come from the whole weeks (Monday to Sunday, company-local) the
 *   range touches that have finished before today;
 * - in each week an install counts in one department and role only, those of
 *   its last active day (a tie on that day goes to the smaller
 *   "department\0role"), while every event counts where it happened;
 * - a department (or role) with events in a week but no install counted in
 *   it is a group of one, with no install of its own in any union;
 * - in each week, groups below k are folded, and the smallest named groups
 *   with them until the folded ones hold at least k installs from at least
 *   two groups; a week that cannot be made so is withheld;
 * - over the range, a group is named only if it was folded in no kept week;
 * - install figures of a range are the average of the weekly counts over the
 *   kept weeks anyone was active in.
 */

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** The Monday on or before `day`. */
const mondayOf = (day: string) => iso(dayMs(day) - ((new Date(dayMs(day)).getUTCDay() + 6) % 7) * DAY_MS);

type Split = { named: string[]; folded: string[]; withheld: boolean };

/** An event as sent, and when it reached the server. */
type Sent = { event: UsageEvent; arrivedAt: string };

/** The company-local day an event counts on: its own, or the day it arrived if its own week had finished by then. */
function countedDay({ event, arrivedAt }: Sent, timezone: string): string {
  const own = localDay(new Date(event.at), timezone);
  const arrived = localDay(new Date(arrivedAt), timezone);
  return mondayOf(own) < mondayOf(arrived) ? arrived : own;
}

/**
 * One week's split of groups (group → the installs counted in it; `withEvents`:
 * the groups with events): the fewest named groups folded, smallest first
 * (then by id), that makes the folded ones safe. A group with events and no
 * install counted in it has size one. `alwaysFolded` groups are folded
 * whatever their size.
 */
function split(groups: Map<string, Set<string>>, withEvents: Iterable<string>, k: number, alwaysFolded = new Set<string>()): Split {
  const installsOf = (g: string) => groups.get(g) ?? new Set<string>();
  const size = (g: string) => Math.max(installsOf(g).size, 1);
  const active = [...new Set([...[...groups].filter(([, installs]) => installs.size > 0).map(([g]) => g), ...withEvents])];
  const small = active.filter((g) => size(g) < k || alwaysFolded.has(g));
  const large = active.filter((g) => !small.includes(g)).sort((a, b) => size(a) - size(b) || (a < b ? -1 : 1));
  const safe = (folded: string[]) => folded.length === 0 || (folded.length >= 2 && new Set(folded.flatMap((g) => [...installsOf(g)])).size >= k);
  for (let extra = 0; extra <= large.length; extra++) {
    const folded = [...small, ...large.slice(0, extra)];
    if (safe(folded)) return { named: large.slice(extra), folded, withheld: false };
  }
  return { named: [], folded: [...small, ...large], withheld: true };
}

/** Groups named over several weeks' splits: seen in some, folded in none. */
const namedOver = (splits: Split[]) => {
  const folded = new Set(splits.flatMap((s) => s.folded));
  return [...new Set(splits.flatMap((s) => s.named))].filter((g) => !folded.has(g));
};

function naiveStats(all: Sent[], requested: { from: string; to: string }, k: number, timezone: string, today: string): Stats {
  const events = all.map((sent) => ({ ...sent.event, day: countedDay(sent, timezone) }));
  type Event = (typeof events)[number];
  const installsBy = (list: Event[], key: (e: Event) => string) => {
    const groups = new Map<string, Set<string>>();
    for (const e of list) groups.set(key(e), (groups.get(key(e)) ?? new Set()).add(e.installId));
    return groups;
  };
  const counters = (list: Event[], activeInstalls: number) => {
    const out = { activeInstalls, storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 0 };
    for (const e of list) if (e.type !== 'team_thanked') out[COUNTER[e.type]]++;
    return out;
  };

  const weeks: string[] = [];
  for (let monday = mondayOf(requested.from); monday <= mondayOf(requested.to); monday = iso(dayMs(monday) + 7 * DAY_MS)) {
    if (iso(dayMs(monday) + 6 * DAY_MS) < today) weeks.push(monday);
  }
  const inWeek = new Map(weeks.map((w) => [w, events.filter((e) => mondayOf(e.day) === w)]));
  // Per week, each install's last event: the department and role it counts in that week.
  const lastOf = new Map(
    weeks.map((w) => {
      const last = new Map<string, Event>();
      for (const e of inWeek.get(w)!) {
        const best = last.get(e.installId);
        const name = (x: Event) => `${x.department}\u0000${x.role}`;
        if (!best || e.day > best.day || (e.day === best.day && name(e) < name(best))) last.set(e.installId, e);
      }
      return [w, [...last.values()]];
    }),
  );
  /** Installs counted in a week (in `department` only, when given). */
  const countedIn = (w: string, department?: string) => lastOf.get(w)!.filter((e) => department === undefined || e.department === department);
  const departmentsOf = (w: string) => installsBy(countedIn(w), (e) => e.department);
  const splits = new Map(weeks.map((w) => [w, split(departmentsOf(w), inWeek.get(w)!.map((e) => e.department), k)]));
  const kept = weeks.filter((w) => !splits.get(w)!.withheld);
  const keptEvents = kept.flatMap((w) => inWeek.get(w)!);
  const activeWeeks = kept.filter((w) => inWeek.get(w)!.length > 0).length;
  const average = (perWeek: (w: string) => number) => (activeWeeks ? Math.round((kept.reduce((n, w) => n + perWeek(w), 0) / activeWeeks) * 10) / 10 : 0);
  const distinct = (list: Event[]) => new Set(list.map((e) => e.installId)).size;

  const named = namedOver(kept.map((w) => splits.get(w)!)).sort((a, b) => a.localeCompare(b));
  const folded = [...new Set(kept.flatMap((w) => splits.get(w)!.folded))];
  const departments = named.map((department) => {
    const ofDepartment = (list: Event[]) => list.filter((e) => e.department === department);
    // Its roles, split the same way week by week; a week too few to split shows all its roles as "other".
    const roleSplits = kept.map((w) => {
      const s = split(installsBy(countedIn(w, department), (e) => e.role), ofDepartment(inWeek.get(w)!).map((e) => e.role), k, new Set([OTHER_ROLE]));
      return s.withheld ? { named: [], folded: [...s.named, ...s.folded], withheld: false } : s;
    });
    const namedRoles = namedOver(roleSplits);
    const actionsByRole: Record<string, number> = {};
    for (const e of ofDepartment(keptEvents)) {
      if (e.type !== 'action_taken') continue;
      const role = namedRoles.includes(e.role) ? e.role : OTHER_ROLE;
      actionsByRole[role] = (actionsByRole[role] ?? 0) + 1;
    }
    return { department, ...counters(ofDepartment(keptEvents), average((w) => countedIn(w, department).length)), actionsByRole };
  });
  const ofFolded = (list: Event[]) => list.filter((e) => folded.includes(e.department));

  return {
    requested,
    from: weeks[0] ?? requested.from,
    to: weeks.length ? iso(dayMs(weeks.at(-1)!) + 6 * DAY_MS) : requested.to,
    weeks: weeks.length,
    withheldWeeks: weeks.filter((w) => splits.get(w)!.withheld),
    timezone,
    minGroupSize: k,
    total: counters(keptEvents, average((w) => distinct(inWeek.get(w)!))),
    departments,
    other: folded.length ? { ...counters(ofFolded(keptEvents), average((w) => ofFolded(countedIn(w)).length)), departments: folded.length } : null,
    weekly: kept.flatMap((w) => {
      const { named: shown, folded: together } = splits.get(w)!;
      const list = inWeek.get(w)!;
      const rows: Stats['weekly'] = [...shown]
        .sort((a, b) => a.localeCompare(b))
        .map((department) => {
          const of = list.filter((e) => e.department === department);
          return { week: w, department, ...counters(of, countedIn(w, department).length) };
        });
      const rest = list.filter((e) => together.includes(e.department));
      if (together.length) rows.push({ week: w, department: null, ...counters(rest, countedIn(w).filter((e) => together.includes(e.department)).length) });
      return rows;
    }),
  };
}

/** How often the finished weeks' events exercise the one-group-per-install rule. */
function moverShape(all: Sent[], timezone: string, today: string) {
  const events = all.map((sent) => ({ ...sent.event, day: countedDay(sent, timezone), week: mondayOf(countedDay(sent, timezone)) })).filter((e) => iso(dayMs(e.week) + 6 * DAY_MS) < today);
  const byWeekInstall = new Map<string, typeof events>();
  for (const e of events) byWeekInstall.set(`${e.week} ${e.installId}`, [...(byWeekInstall.get(`${e.week} ${e.installId}`) ?? []), e]);
  const movers = { department: 0, role: 0 };
  const counted = new Set<string>();
  for (const list of byWeekInstall.values()) {
    if (new Set(list.map((e) => e.department)).size > 1) movers.department++;
    if (new Set(list.map((e) => `${e.department}\u0000${e.role}`)).size > new Set(list.map((e) => e.department)).size) movers.role++;
    const last = list.reduce((a, b) => (b.day > a.day || (b.day === a.day && `${b.department}\u0000${b.role}` < `${a.department}\u0000${a.role}`) ? b : a));
    counted.add(`${last.week} ${last.department}`).add(`${last.week} ${last.department}\u0000${last.role}`);
  }
  const eventsWithoutInstalls = {
    department: new Set(events.map((e) => `${e.week} ${e.department}`).filter((key) => !counted.has(key))).size,
    role: new Set(events.map((e) => `${e.week} ${e.department}\u0000${e.role}`).filter((key) => !counted.has(key))).size,
  };
  return { movers, eventsWithoutInstalls };
}

describe('stats from roll-ups agree with the disclosure rule applied naively to the raw events', () => {
  it.each([1, 2, 3])('random company, seed %i', async (seed) => {
    const rand = seededRandom(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const timezone = pick(['UTC', 'America/Chicago', 'Asia/Kolkata']);
    const k = 4;
    // A Wednesday: the week of Monday 11-23 is under way, and has events that must not show.
    const now = '2026-11-25T12:00:00Z';
    const today = localDay(new Date(now), timezone);
    const t = await makeTestApp({ now, config: { minGroupSize: k, timezone } });
    // Departments of very different sizes, so that some are folded in some weeks and named in others.
    const departments = ['sales', 'sales', 'sales', 'sales', 'legal', 'legal', 'it', 'it', 'safety', 'finance', 'support'];
    const roles = ['sales', 'sales', 'legal', 'it', 'engineering', OTHER_ROLE];
    // A few switch department or role midway, some within a week.
    const installs = Array.from({ length: 45 }, () => ({ id: uuidv7(), department: pick(departments), role: pick(roles) }));
    const event = (install: (typeof installs)[number], atMs: number): UsageEvent => {
      const type = pick(EVENT_TYPES.filter((t) => t !== 'team_thanked'));
      const at = new Date(atMs).toISOString();
      const field = type === 'action_taken' ? 'actionId' : type.startsWith('prompt') ? 'promptId' : 'storyId';
      return {
        id: uuidv7(atMs),
        installId: install.id,
        type,
        department: install.department,
        role: install.role,
        surface: pick(['newtab', 'popup', 'meet', 'zoom'] as const),
        at,
        [field]: `item-${Math.floor(rand() * 5)}`,
      };
    };
    const batches: { events: UsageEvent[]; arrivedAt: string }[] = [];
    /** Sent a few minutes after the batch's last event, or `lateBy` ms later, but not after now. */
    const send = (events: UsageEvent[], lateBy = 5 * 60_000) => {
      const last = Math.max(...events.map((e) => Date.parse(e.at)));
      batches.push({ events, arrivedAt: new Date(Math.min(last + lateBy, Date.parse(now))).toISOString() });
    };
    // A quiet week first: two installs only, fewer than k in the whole company, so it is withheld.
    send(installs.slice(0, 2).map((install) => event(install, Date.parse('2026-09-23T12:00:00Z'))));
    const random: UsageEvent[] = [];
    for (let i = 0; i < 700; i++) {
      const install = pick(installs);
      if (rand() < 0.02) install.department = pick(departments);
      if (rand() < 0.02) install.role = pick(roles);
      random.push(event(install, Date.parse('2026-10-01T00:00:00Z') + Math.floor(rand() * 55 * 86_400_000)));
    }
    // Sent in time order, 20 at a time; about one batch in four comes one to ten days late (a
    // browser that was offline), so some of its events arrive after their week has finished.
    random.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    for (let i = 0; i < random.length; i += 20) send(random.slice(i, i + 20), rand() < 0.25 ? Math.floor((1 + rand() * 9) * DAY_MS) : undefined);
    // Two movers for sure: one alone in "audit" that moves to sales within the week of 10-12, so
    // audit has events there and no install counted; one alone in the role "security" of legal
    // that takes the role "legal" within the week of 10-19.
    // Both on time.
    const audit = { id: uuidv7(), department: 'audit', role: 'legal' };
    send([event(audit, Date.parse('2026-10-12T12:00:00Z'))]);
    send([event({ ...audit, department: 'sales', role: 'sales' }, Date.parse('2026-10-15T12:00:00Z'))]);
    const security = { id: uuidv7(), department: 'legal', role: 'security' };
    send([event(security, Date.parse('2026-10-20T12:00:00Z'))]);
    send([event({ ...security, role: 'legal' }, Date.parse('2026-10-23T12:00:00Z'))]);
    batches.sort((a, b) => Date.parse(a.arrivedAt) - Date.parse(b.arrivedAt));
    for (const batch of batches) {
      t.clock.set(batch.arrivedAt);
      const response = await postEvents(t.app, { events: batch.events });
      expect(response.status, batch.arrivedAt).toBe(200);
      expect(((await response.json()) as { accepted: number }).accepted).toBe(batch.events.length);
    }
    t.clock.set(now);
    const events: Sent[] = batches.flatMap((b) => b.events.map((event) => ({ event, arrivedAt: b.arrivedAt })));

    const ranges = [
      { from: '2026-09-20', to: '2026-11-25' }, // everything, the quiet week and the week under way included
      { from: '2026-10-10', to: '2026-11-15' },
      { from: '2026-10-10', to: '2026-11-16' }, // one day more: one week more
      { from: '2026-10-14', to: '2026-10-14' }, // a single day: its whole week
      { from: '2026-11-23', to: '2026-11-25' }, // the week under way only: nothing
    ];
    let folds = 0;
    for (const requested of ranges) {
      const response = await t.app.request(`/api/v1/stats?from=${requested.from}&to=${requested.to}`, { headers: t.admin });
      expect(response.status).toBe(200);
      const stats = (await response.json()) as Stats;
      const label = `${requested.from}..${requested.to} in ${timezone}`;
      expect(stats, label).toEqual(naiveStats(events, requested, k, timezone, today));
      folds += stats.weekly.filter((w) => w.department === null).length;
    }
    // The data exercise the rule: a withheld week, folded weeks, named departments.
    const everything = naiveStats(events, ranges[0]!, k, timezone, today);
    expect(everything.withheldWeeks).toEqual(['2026-09-21']);
    expect(everything.departments.length).toBeGreaterThan(0);
    expect(folds).toBeGreaterThan(0);
    // …and the mover rules: installs in two departments (or roles) in one week, and
    // departments (and roles) with events in a week where no install is counted.
    const shape = moverShape(events, timezone, today);
    expect(shape.movers.department, 'week × install in two departments').toBeGreaterThan(0);
    expect(shape.movers.role, 'week × install in two roles of one department').toBeGreaterThan(0);
    expect(shape.eventsWithoutInstalls.department, 'week × department with events, no install counted').toBeGreaterThan(0);
    expect(shape.eventsWithoutInstalls.role, 'week × role with events, no install counted').toBeGreaterThan(0);
    // …and late arrival: events counted on the day they arrived, not their own, in weeks shown and in the week under way.
    const moved = events.filter((sent) => countedDay(sent, timezone) !== localDay(new Date(sent.event.at), timezone)).map((sent) => countedDay(sent, timezone));
    expect(moved.filter((day) => mondayOf(day) < mondayOf(today)).length, 'late events counted in a finished week').toBeGreaterThan(0);
    expect(moved.filter((day) => mondayOf(day) === mondayOf(today)).length, 'late events counted in the week under way').toBeGreaterThan(0);
  });
});
