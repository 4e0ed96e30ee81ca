import { storyForDay } from '../domain/pick-daily-story';
import { addDays, daysBetween, startOfLocalDay, weekStart } from '../domain/local-day';
import type { ContentBundle } from '../schemas/content-bundle';
import type { Surface, UsageEvent } from '../schemas/usage-event';

/*
 * `pnpm demo`'s usage (issue 20): what a company of about 700 people would
 * have sent in the extension's first 90 days, made from a seed so that the
 * same seed and the same last day make the same events. Pure: the server
 * writes them through its own ingest (server/src/demo/fill-demo-database.ts).
 */

export type DemoUsageSpec = {
  content: Pick<ContentBundle, 'stories' | 'prompts' | 'actions' | 'departments' | 'schedule'>;
  /** The last company-local day with usage (the demo's yesterday). */
  lastDay: string;
  /** How many days of usage at least, ending on `lastDay`: from the Monday on or before the first of them (the rollout began on a Monday). */
  days: number;
  timezone: string;
  seed: number;
};

export type DemoUsage = {
  /** In time order, each with the install's department and role. */
  events: UsageEvent[];
  installs: number;
  /** The first day with usage: a Monday, so that the dashboard's "Last 13 weeks" starts with the rollout's whole first week. */
  firstDay: string;
  /** The company holiday of the period (its Monday): usage dips that week. */
  holiday: string;
  /** The departments whose few installs stay under any usual MIN_GROUP_SIZE (folded into "Other" by the dashboard). */
  smallDepartments: string[];
};

/** mulberry32: numbers in [0, 1), the same for the same seed. */
export function demoRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How each department took the extension up: the share of its headcount
 * with the extension installed by the end, how many of the rest's working
 * days they open a new tab on, and how often a day of theirs has a meeting
 * where the card is opened. Legal and Product Safety joined with a handful
 * each, below the privacy threshold: the dashboard shows them together, as
 * "Other (small groups)". Departments missing here get the middle values.
 */
type Uptake = { installs?: number; share?: number; active: number; meetings: number };
const UPTAKE: Record<string, Uptake> = {
  engineering: { share: 0.8, active: 0.78, meetings: 0.22 },
  manufacturing: { share: 0.32, active: 0.55, meetings: 0.06 },
  legal: { installs: 3, active: 0.7, meetings: 0.3 },
  safety: { installs: 3, active: 0.75, meetings: 0.2 },
  it: { share: 0.7, active: 0.7, meetings: 0.2 },
  sales: { share: 0.85, active: 0.82, meetings: 0.5 },
  support: { share: 0.9, active: 0.88, meetings: 0.18 },
  finance: { share: 0.6, active: 0.66, meetings: 0.2 },
  marketing: { share: 0.7, active: 0.72, meetings: 0.35 },
  people: { share: 0.6, active: 0.7, meetings: 0.3 },
  operations: { share: 0.55, active: 0.68, meetings: 0.15 },
  product: { share: 0.85, active: 0.8, meetings: 0.45 },
};
const DEFAULT_UPTAKE: Uptake = { share: 0.6, active: 0.7, meetings: 0.2 };
/** Installs that start in the pilot's first days, per department big enough to be shown from the first week. */
const PILOT_AT_LEAST = 8;
const MEETING_SURFACES: [Surface, number][] = [['teams', 0.34], ['meet', 0.3], ['zoom', 0.2], ['calendar', 0.1], ['outlook', 0.06]];

type Install = {
  id: string;
  department: string;
  role: string;
  /** Index of the first day it sends anything, and of the day after its last (uninstalled, or left). */
  joins: number;
  leaves: number;
  /** How likely a working day is one it opens a new tab on. */
  active: number;
  meetings: number;
  /** The role's actions in this person's order of liking. */
  actions: string[];
};

/** 90 days (or `days`) of a company's usage, as described above. */
export function demoUsage(spec: DemoUsageSpec): DemoUsage {
  const { content, lastDay, timezone } = spec;
  const random = demoRandom(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    let left = random() * list.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of list) if ((left -= weight) < 0) return item;
    return list[list.length - 1]![0];
  };
  const firstDay = weekStart(addDays(lastDay, -(spec.days - 1)));
  const days = daysBetween(firstDay, lastDay) + 1;
  // A random but reproducible UUID: version 7's layout (the time in front, so ids grow with time), the rest from the seed.
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = (ms: number) => {
    const time = ms.toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
  };

  const roleIds = new Set(content.actions.map((a) => a.role));
  const installs: Install[] = [];
  const smallDepartments: string[] = [];
  for (const department of content.departments) {
    const uptake = UPTAKE[department.id] ?? DEFAULT_UPTAKE;
    const count = uptake.installs ?? Math.max(PILOT_AT_LEAST + 3, Math.round((department.headcount ?? 40) * (uptake.share ?? 0.6)));
    if (uptake.installs !== undefined) smallDepartments.push(department.id);
    // Most people have the role of their department; a few (a product manager in Engineering, an engineer in IT…) another.
    const ownRole = roleIds.has(department.id) ? department.id : pick([...roleIds]);
    for (let i = 0; i < count; i++) {
      const role = random() < 0.88 ? ownRole : pick([...roleIds]);
      // The rollout: a pilot group in the first three days, the rest over the next six weeks, more early than late.
      const pilot = i < (uptake.installs !== undefined ? count : Math.max(PILOT_AT_LEAST, Math.round(count * 0.25)));
      const joins = pilot ? Math.floor(random() * 3) : 3 + Math.floor(Math.pow(random(), 1.6) * 42);
      // A few stop sending: they left, or turned usage statistics off.
      const leaves = random() < 0.05 ? joins + 10 + Math.floor(random() * (days - joins)) : days;
      const liking = content.actions.filter((a) => a.role === role).map((a) => a.id);
      for (let j = liking.length - 1; j > 0; j--) {
        const k = Math.floor(random() * (j + 1));
        [liking[j], liking[k]] = [liking[k]!, liking[j]!];
      }
      installs.push({
        id: uuid(startOfLocalDay(firstDay, timezone)),
        department: department.id,
        role,
        joins: Math.min(joins, days - 1),
        leaves,
        active: Math.min(0.97, Math.max(0.15, uptake.active + (random() - 0.5) * 0.5)),
        meetings: uptake.meetings * (0.5 + random()),
        actions: liking,
      });
    }
  }

  // The company holiday: the Monday about six weeks back, and a quieter week around it.
  const holiday = weekStart(addDays(lastDay, -40));
  const holidayWeek = weekStart(holiday);
  const sorted = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const newTabPrompts = sorted(content.prompts.filter((p) => p.where !== 'meeting'));
  const meetingPrompts = sorted(content.prompts.filter((p) => p.where !== 'newtab'));
  const thanked = new Set<string>();
  const events: UsageEvent[] = [];

  for (let d = 0; d < days; d++) {
    const day = addDays(firstDay, d);
    const weekday = (daysBetween('2024-01-01', day) % 7 + 7) % 7; // 0 Monday … 6 Sunday
    const weekend = weekday >= 5;
    const rhythm = day === holiday ? 0.08 : weekend ? 0.07 : weekStart(day) === holidayWeek ? 0.72 : weekday === 4 ? 0.86 : 1;
    const midnight = startOfLocalDay(day, timezone);
    const story = storyForDay(content, day).story;
    // The day's questions, as pickPrompt turns them (the same offset against the story's rotation).
    const turn = daysBetween('2024-01-01', day) + 3;
    const newTabPrompt = newTabPrompts.length ? newTabPrompts[((turn % newTabPrompts.length) + newTabPrompts.length) % newTabPrompts.length] : undefined;
    const meetingPrompt = meetingPrompts.length ? meetingPrompts[((turn % meetingPrompts.length) + meetingPrompts.length) % meetingPrompts.length] : undefined;
    const today: UsageEvent[] = [];
    for (const install of installs) {
      if (d < install.joins || d >= install.leaves) continue;
      // The first days after installing are keener; then it settles.
      const keen = d - install.joins < 10 ? 1.1 : 1;
      if (random() >= Math.min(0.98, install.active * rhythm * keen)) continue;
      // Working hours, mostly: the first new tab between 7:30 and 10:30, meetings later.
      let at = midnight + (7.5 + random() * 3) * 3_600_000 + Math.floor(random() * 60_000);
      const event = (type: UsageEvent['type'], surface: Surface, ids: Partial<UsageEvent>) => {
        today.push({ id: '', installId: install.id, type, department: install.department, role: install.role, surface, at: new Date(at).toISOString(), ...ids });
      };
      const later = (minutes: number) => {
        at += Math.floor((1 + random() * minutes) * 60_000);
      };
      const place: Surface = random() < 0.1 ? 'popup' : 'newtab';
      if (story) event('story_viewed', place, { storyId: story.id });
      if (newTabPrompt && random() < 0.9) event('prompt_shown', place, { promptId: newTabPrompt.id });
      if (install.actions.length && random() < 0.24) {
        later(90);
        // The favourite action most often, the others now and then.
        const weights = install.actions.map((id, i) => [id, 1 / (i + 1)] as const);
        event('action_taken', random() < 0.85 ? 'newtab' : 'popup', { actionId: weighted(weights) });
      }
      if (story && random() < 0.035) event('story_shared', 'newtab', { storyId: story.id });
      if (!weekend && meetingPrompt && random() < install.meetings) {
        later(240);
        const surface = weighted(MEETING_SURFACES);
        event('prompt_shown', surface, { promptId: meetingPrompt.id });
        if (random() < 0.38) event('prompt_inserted', surface, { promptId: meetingPrompt.id });
        if (story && random() < 0.22) event('story_inserted', surface, { storyId: story.id });
      }
      if (newTabPrompt && random() < 0.015) {
        later(120);
        event('prompt_inserted', 'context-menu', { promptId: newTabPrompt.id });
      }
      // "Thank <department>" under a story that credits another department than the reader's: once per story.
      const credited = story?.credits?.filter((id) => id !== install.department) ?? [];
      if (story && credited.length && random() < 0.025 && !thanked.has(`${install.id} ${story.id}`)) {
        thanked.add(`${install.id} ${story.id}`);
        event('team_thanked', place, { storyId: story.id, thankedDepartment: pick(credited) });
      }
    }
    today.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const each of today) events.push({ ...each, id: uuid(Date.parse(each.at)) });
  }
  return { events, installs: installs.length, firstDay, holiday, smallDepartments };
}
