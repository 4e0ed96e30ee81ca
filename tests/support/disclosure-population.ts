import type { EventType, Surface, UsageEvent } from '../../shared/src/schemas/usage-event';
import { addDays } from '../../shared/src/domain/local-day';
import { uuidv7 } from './make-event';
import { seededRandom } from './seeded-random';

/**
 * A company seeded to be attacked (tests/server/app.adversarial.test.ts):
 * six finished weeks and the current one, large and small departments, a
 * department that is large except one week, small roles inside large
 * departments, rare surfaces and stories, installs that move department
 * (one leaving a department with events and nobody counted in it that
 * week), and one install active on a single day. Every install's counts are drawn
 * per day and event type, so a figure equal to one small group's true
 * figures is no coincidence. Kept as plain records (`Act`), from which the
 * true figures of every group, day and week are worked out.
 */

export const K = 5;
/** The finished weeks (Mondays), then the current one; "now" is its Wednesday. */
export const WEEKS = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07'] as const;
export const CURRENT_WEEK = '2026-12-14';
export const TODAY = '2026-12-16';
export const NOW = `${TODAY}T12:00:00Z`;
export const FIRST_DAY = WEEKS[0];

export const COUNTERS = ['storyViews', 'promptsShown', 'promptsInserted', 'storiesInserted', 'storiesShared', 'actionsTaken'] as const;
export type Vector = number[];
const COUNTER_INDEX: Record<Exclude<EventType, 'team_thanked'>, number> = {
  story_viewed: 0,
  prompt_shown: 1,
  prompt_inserted: 2,
  story_inserted: 3,
  story_shared: 4,
  action_taken: 5,
};

/** `count` events of one kind, by one install, on one day. */
export type Act = {
  install: string;
  department: string;
  role: string;
  surface: Surface;
  type: Exclude<EventType, 'team_thanked'>;
  day: string;
  /** storyId, promptId or actionId. */
  item: string;
  count: number;
};

export type Place = { department: string; role: string };
type Person = {
  label: string;
  surface: Surface;
  /** Where the install is on weekday `d` (0 = Monday) of week `w` (6 = the current week), when active. */
  place: (w: number, d: number) => Place;
  /** The weekdays it is active in week `w`. */
  days: (w: number) => number[];
};

/** The seed, and where each install is: see the comments for what each group is there to test. */
export function buildPopulation(seed = 14): { acts: Act[]; installIds: Map<string, string> } {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (pool: number[], n: number) => {
    const left = [...pool];
    const out: number[] = [];
    while (out.length < n && left.length) out.push(left.splice(int(0, left.length - 1), 1)[0]!);
    return out.sort((a, b) => a - b);
  };
  /** 1–3 weekdays (Monday–Tuesday in the current week); never Tuesday 1 December unless `tuesday`. */
  const regular = (tuesday = false) => {
    const cache = new Map<number, number[]>();
    return (w: number) => {
      if (!cache.has(w)) {
        const pool = w === 6 ? [0, 1] : [0, 1, 2, 3, 4];
        const allowed = w === 4 ? pool.filter((d) => d !== 1) : pool;
        const days = pick(allowed, int(1, Math.min(3, allowed.length)));
        if (w === 4 && tuesday) days.push(1);
        cache.set(w, days.sort((a, b) => a - b));
      }
      return cache.get(w)!;
    };
  };
  const at = (department: string, role: string) => () => ({ department, role });
  const people: Person[] = [];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  // Support: 20 installs, every one active on Tuesday 1 December; two named roles, two named surfaces.
  for (const i of range(20)) {
    people.push({ label: `support-${i}`, surface: i % 2 ? 'newtab' : 'popup', place: at('support', i <= 14 ? 'agent' : 'team-lead'), days: regular(true) });
  }
  // support-20 moves to legal (small) in the week of 30 November: Monday in support, Wednesday and Thursday in legal.
  people[19] = {
    label: 'support-20',
    surface: 'popup',
    place: (w, d) => (w < 4 || (w === 4 && d === 0) ? { department: 'support', role: 'team-lead' } : { department: 'legal', role: 'counsel' }),
    days: ((base) => (w: number) => (w === 4 ? [0, 2, 3] : w === 5 ? [] : base(w)))(regular()),
  };
  // Engineering: 9 developers, 5 QA, 2 SRE (a role of two people); engineering-1 is its only install active on 1 December.
  for (const i of range(16)) {
    people.push({ label: `engineering-${i}`, surface: 'newtab', place: at('engineering', i <= 9 ? 'developer' : i <= 14 ? 'qa' : 'sre'), days: regular(i === 1) });
  }
  // Marketing: 7 installs, only three of them active in the week of 23 November (too few that week).
  for (const i of range(7)) {
    const base = regular();
    people.push({ label: `marketing-${i}`, surface: 'newtab', place: at('marketing', 'marketer'), days: (w) => (w === 3 && i > 3 ? [] : base(w)) });
  }
  // marketing-6 moves to design (small) and marketing-7 to engineering, both on Thursday of the week of 30 November.
  people[people.length - 2] = {
    label: 'marketing-6',
    surface: 'newtab',
    place: (w, d) => (w < 4 || (w === 4 && d === 0) ? { department: 'marketing', role: 'marketer' } : { department: 'design', role: 'designer' }),
    days: ((base) => (w: number) => (w === 3 ? [] : w === 4 ? [0, 3] : w === 5 ? [] : base(w)))(regular()),
  };
  people[people.length - 1] = {
    label: 'marketing-7',
    surface: 'newtab',
    place: (w, d) => (w < 4 || (w === 4 && d === 0) ? { department: 'marketing', role: 'marketer' } : { department: 'engineering', role: 'developer' }),
    days: ((base) => (w: number) => (w === 3 ? [] : w === 4 ? [0, 3] : base(w)))(regular()),
  };
  // Sales: 5 account executives, 5 sales engineers, one person in sales operations.
  for (const i of range(11)) {
    people.push({ label: `sales-${i}`, surface: 'newtab', place: at('sales', i <= 5 ? 'account-exec' : i <= 10 ? 'sales-engineer' : 'sales-ops'), days: regular() });
  }
  // Small departments, quiet in the week of 7 December (except hr), so that week folds a named one with hr.
  const small = (department: string, role: string, n: number, quietLastWeek: boolean) => {
    for (const i of range(n)) {
      const base = regular();
      people.push({ label: `${department}-${i}`, surface: 'newtab', place: at(department, role), days: (w) => (w === 5 && quietLastWeek ? [] : base(w)) });
    }
  };
  small('legal', 'counsel', 2, true);
  small('finance', 'analyst', 3, true);
  small('hr', 'recruiter', 4, false);
  small('design', 'designer', 1, true);
  // One install active on one day only: Tuesday 1 December.
  people.push({ label: 'night-ops-1', surface: 'newtab', place: at('night-ops', 'operator'), days: (w) => (w === 4 ? [1] : []) });
  // audit-1, alone in audit, moves to sales on Thursday of the week of 30 November: it counts in sales that
  // week, so audit has events and no install counted (folded, or its events would be total minus the cells).
  people.push({
    label: 'audit-1',
    surface: 'newtab',
    place: (_w, d) => (d === 0 ? { department: 'audit', role: 'auditor' } : { department: 'sales', role: 'account-exec' }),
    days: (w) => (w === 4 ? [0, 3] : []),
  });

  const acts: Act[] = [];
  for (const person of people) {
    for (let w = 0; w <= 6; w++) {
      const monday = w === 6 ? CURRENT_WEEK : WEEKS[w]!;
      const firstIn = new Set<string>();
      for (const d of person.days(w)) {
        const day = addDays(monday, d);
        const place = person.place(w, d);
        const first = !firstIn.has(place.department);
        firstIn.add(place.department);
        const add = (type: Exclude<EventType, 'team_thanked'>, item: string, count: number, surface: Surface = person.surface) => {
          if (count > 0) acts.push({ install: person.label, ...place, surface, type, day, item, count });
        };
        const story = `story-w${w}`;
        const n = Number(person.label.split('-').pop());
        // Counts drawn wide, so that sums of different installs and days rarely coincide.
        add('story_viewed', story, int(1, 12));
        add('story_inserted', story, int(0, 8));
        add('story_shared', story, int(0, 6));
        add('prompt_shown', 'prompt-a', int(0, 12));
        add('prompt_inserted', 'prompt-a', int(0, 8));
        // Six engineers also use the calendar, three Meet (too few: folded with the calendar).
        const second: Surface | undefined = person.label.startsWith('engineering') && place.department === 'engineering' ? (n <= 6 ? 'calendar' : n <= 9 ? 'meet' : undefined) : undefined;
        if (second) {
          add('story_viewed', story, int(1, 6), second);
          add('prompt_shown', 'prompt-a', int(1, 8), second);
          add('prompt_inserted', 'prompt-a', int(0, 5), second);
          add('story_inserted', story, int(0, 4), second);
          add('story_shared', story, int(0, 3), second);
        }
        // Action counts: the large roles of engineering and sales in sevens, their small roles and
        // actions not, so that a sum of large cells can never equal a small one's figure by chance.
        for (const [actionId, count] of actionsOf(person.label, place, w, first, int)) add('action_taken', actionId, count);
        const once = (surface: Surface, counts: number[], storyId = story) =>
          (['story_viewed', 'prompt_shown', 'prompt_inserted', 'story_inserted', 'story_shared'] as const).forEach((type, i) =>
            add(type, type.startsWith('story') ? storyId : 'prompt-a', counts[i]!, surface),
          );
        // One engineer uses Zoom once; one account executive uses Teams in one week.
        if (first && person.label === 'engineering-3' && w === 2) once('zoom', [2, 3, 1, 1, 1]);
        if (first && person.label === 'sales-4' && w === 1) once('teams', [1, 4, 2, 0, 1]);
        // The one person in sales operations reads a story nobody else reads, in Outlook.
        if (first && person.label === 'sales-11' && w === 2) once('outlook', [3, 2, 1, 2, 0], 'story-rare');
      }
    }
  }
  return { acts, installIds: new Map(people.map((p) => [p.label, uuidv7(Date.parse(`${FIRST_DAY}T08:00:00Z`))])) };
}

function actionsOf(label: string, place: Place, w: number, first: boolean, int: (lo: number, hi: number) => number): [string, number][] {
  const n = Number(label.split('-').pop());
  const weekly = first && w < 6;
  switch (place.role) {
    case 'developer': {
      const out: [string, number][] = [['dev-review', 7 * int(1, 2)]];
      // dev-pair: seven developers; dev-deploy: two of them (too few, folded with dev-pair).
      if (weekly && label.startsWith('engineering') && n >= 3) out.push(['dev-pair', 7]);
      if (weekly && label.startsWith('engineering') && n <= 2) out.push(['dev-deploy', 5]);
      return out;
    }
    case 'qa':
      return [['qa-test', 7 * int(1, 2)]];
    case 'sre':
      return weekly ? [['sre-oncall', n === 15 ? 1 : 2]] : [];
    case 'account-exec':
      return [['ae-call', 7 * int(1, 2)]];
    case 'sales-engineer':
      return [['se-demo', 7 * int(1, 2)]];
    case 'sales-ops':
      return weekly ? [['ops-forecast', 3]] : [];
    default:
      return [[`${place.role}-task`, int(0, 12)]];
  }
}

/** The acts as events, `at` spread over the day (UTC, the company's time zone). */
export function toEvents(acts: readonly Act[], installIds: ReadonlyMap<string, string>): UsageEvent[] {
  const events: UsageEvent[] = [];
  let second = 0;
  for (const act of acts) {
    for (let i = 0; i < act.count; i++) {
      second = (second + 7) % 36_000;
      const at = new Date(Date.parse(`${act.day}T06:00:00Z`) + second * 1000).toISOString();
      const field = act.type === 'action_taken' ? 'actionId' : act.type.startsWith('story') ? 'storyId' : 'promptId';
      events.push({
        id: uuidv7(Date.parse(at)),
        installId: installIds.get(act.install)!,
        type: act.type,
        department: act.department,
        role: act.role,
        surface: act.surface,
        at,
        [field]: act.item,
      });
    }
  }
  return events;
}

/** Every day from the first seeded Monday to today. */
export const ALL_DAYS = (() => {
  const days: string[] = [];
  for (let day: string = FIRST_DAY; day <= TODAY; day = addDays(day, 1)) days.push(day);
  return days;
})();

export const zero = (): Vector => [0, 0, 0, 0, 0, 0];
export const vectorKey = (v: readonly number[]) => v.join(',');
export const isZero = (v: readonly number[]) => v.every((x) => x === 0);

/** True figures of the acts that `keep` accepts, between two days (inclusive). */
export function truth(acts: readonly Act[], keep: (a: Act) => boolean, from: string = FIRST_DAY, to: string = TODAY) {
  const vector = zero();
  const installs = new Set<string>();
  for (const act of acts) {
    if (act.day < from || act.day > to || !keep(act)) continue;
    vector[COUNTER_INDEX[act.type]]! += act.count;
    installs.add(act.install);
  }
  return { vector, installs };
}

/**
 * Where each install active in the week of `monday` is counted for departments and roles:
 * in one place only, that of its last active day, a tie on that day going to the smaller
 * "department\0role". Its events still count where they happened.
 */
export function countedPlaces(acts: readonly Act[], monday: string): Map<string, Place> {
  const sunday = addDays(monday, 6);
  const last = new Map<string, Act>();
  const name = (a: Act) => `${a.department}\u0000${a.role}`;
  for (const act of acts) {
    if (act.day < monday || act.day > sunday) continue;
    const best = last.get(act.install);
    if (!best || act.day > best.day || (act.day === best.day && name(act) < name(best))) last.set(act.install, act);
  }
  return new Map([...last].map(([install, a]) => [install, { department: a.department, role: a.role }]));
}

/** Departments whose large roles act in sevens (see actionsOf). */
const SEVENS = new Set(['engineering', 'sales']);

type Family = { name: string; groupsOf: (act: Act) => string[] };

/**
 * The figures that must never be derivable: for every span of days seeded
 * (single days, weeks, any range), every group of fewer than K installs
 * that a natural cut makes — one install (anywhere, or in one department,
 * role or surface), one department, role or surface cell, and any union of
 * such small cells within the same cut — with its six event counters.
 * Also, scoped so a value can only match its own cell: the actions of
 * small role sets (by department), of small action sets (by department and
 * role), and the figures of small story audiences (by department and story).
 */
export function secretFigures(acts: readonly Act[], k = K) {
  const days = ALL_DAYS;
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const vectors = new Map<string, string>();
  const roleActions = new Map<string, string>();
  const actionCounts = new Map<string, string>();
  const stories = new Map<string, string>();

  const families: Family[] = [
    { name: 'company', groupsOf: () => ['all'] },
    { name: 'install', groupsOf: (a) => [a.install] },
    { name: 'department', groupsOf: (a) => [a.department] },
    { name: 'install in department', groupsOf: (a) => [`${a.department}/${a.install}`] },
    { name: 'install on surface', groupsOf: (a) => [`${a.department}/${a.surface}/${a.install}`] },
    { name: 'role', groupsOf: (a) => [`${a.department}/${a.role}`] },
    { name: 'surface', groupsOf: (a) => [`${a.department}/${a.surface}`] },
  ];
  // Which groups may be unioned: departments together, roles or surfaces within one department.
  const unionScope: Record<string, (group: string) => string | undefined> = {
    department: () => 'company',
    role: (g) => g.split('/')[0],
    surface: (g) => g.split('/')[0],
  };

  // Per family and group: per-day vectors and installs, so that any span is a few additions.
  type Series = { vectors: Vector[]; installs: Set<string>[] };
  const series = new Map<string, Map<string, Series>>();
  const seriesOf = (family: string, group: string): Series => {
    let groups = series.get(family);
    if (!groups) series.set(family, (groups = new Map()));
    let s = groups.get(group);
    if (!s) groups.set(group, (s = { vectors: days.map(zero), installs: days.map(() => new Set<string>()) }));
    return s;
  };
  for (const act of acts) {
    const i = dayIndex.get(act.day)!;
    for (const family of families) {
      for (const group of family.groupsOf(act)) {
        const s = seriesOf(family.name, group);
        s.vectors[i]![COUNTER_INDEX[act.type]]! += act.count;
        s.installs[i]!.add(act.install);
      }
    }
  }

  const note = (map: Map<string, string>, key: string, what: string) => {
    if (!map.has(key)) map.set(key, what);
  };
  // A lone number can equal another by chance: single counts are compared only for groups that are
  // small over the whole seeded period, and (in the departments counted in sevens) only when the
  // value is no multiple of seven, which no sum of large cells can then produce.
  const smallOverall = (key: (a: Act) => string | undefined) => {
    const installs = new Map<string, Set<string>>();
    for (const act of acts) {
      const k2 = key(act);
      if (k2 !== undefined) installs.set(k2, (installs.get(k2) ?? new Set()).add(act.install));
    }
    return new Set([...installs].filter(([, set]) => set.size < k).map(([name]) => name));
  };
  const smallRoles = smallOverall((a) => `${a.department}/${a.role}`);
  const smallActions = smallOverall((a) => (a.type === 'action_taken' ? `${a.department}|${a.role}|${a.item}` : undefined));
  const smallStories = smallOverall((a) => (a.type.startsWith('story') ? `${a.department}|${a.item}` : undefined));
  const telling = (department: string, value: number) => value > 0 && !(SEVENS.has(department) && value % 7 === 0);
  type Running = { group: string; s: Series; vector: Vector; installs: Set<string> };
  const running = families.map((family) => [...(series.get(family.name) ?? [])].map(([group, s]): Running => ({ group, s, vector: zero(), installs: new Set() })));
  for (let a = 0; a < days.length; a++) {
    for (const groups of running) for (const r of groups) (r.vector = zero()), (r.installs = new Set());
    for (let b = a; b < days.length; b++) {
      const span = a === b ? days[a]! : `${days[a]}..${days[b]}`;
      families.forEach((family, f) => {
        const smallByScope = new Map<string, Running[]>();
        for (const r of running[f]!) {
          const v = r.s.vectors[b]!;
          for (let c = 0; c < 6; c++) r.vector[c]! += v[c]!;
          for (const install of r.s.installs[b]!) r.installs.add(install);
          if (r.installs.size === 0 || r.installs.size >= k) continue;
          if (!isZero(r.vector)) note(vectors, vectorKey(r.vector), `${family.name} ${r.group} (${r.installs.size} installs) over ${span}`);
          if (family.name === 'role' && smallRoles.has(r.group) && telling(r.group.split('/')[0]!, r.vector[5]!)) note(roleActions, `${r.group.split('/')[0]}|${r.vector[5]}`, `role ${r.group} (${r.installs.size}) over ${span}`);
          const scope = unionScope[family.name]?.(r.group);
          if (scope) smallByScope.set(scope, [...(smallByScope.get(scope) ?? []), r]);
        }
        // Unions of small cells in one scope that are still fewer than k installs.
        for (const [scope, cells] of smallByScope) {
          const n = Math.min(cells.length, 12);
          for (let mask = 1; mask < 1 << n; mask++) {
            if ((mask & (mask - 1)) === 0) continue;
            const installs = new Set<string>();
            const vector = zero();
            const names: string[] = [];
            for (let i = 0; i < n && installs.size < k; i++) {
              if (!(mask & (1 << i))) continue;
              for (const x of cells[i]!.installs) installs.add(x);
              for (let c = 0; c < 6; c++) vector[c]! += cells[i]!.vector[c]!;
              names.push(cells[i]!.group);
            }
            if (installs.size >= k) continue;
            note(vectors, vectorKey(vector), `${family.name}s ${names.join(' + ')} (${installs.size} installs) over ${span}`);
            if (family.name === 'role' && names.every((g) => smallRoles.has(g)) && telling(scope, vector[5]!)) note(roleActions, `${scope}|${vector[5]}`, `roles ${names.join(' + ')} (${installs.size}) over ${span}`);
          }
        }
      });
    }
  }

  // Actions (by department and role) and stories (by department), with their own audiences.
  const actionSeries = new Map<string, { counts: number[]; installs: Set<string>[] }>();
  const storySeries = new Map<string, { vectors: Vector[]; installs: Set<string>[] }>();
  for (const act of acts) {
    const i = dayIndex.get(act.day)!;
    if (act.type === 'action_taken') {
      const key = `${act.department}|${act.role}|${act.item}`;
      if (!smallActions.has(key)) continue;
      let s = actionSeries.get(key);
      if (!s) actionSeries.set(key, (s = { counts: days.map(() => 0), installs: days.map(() => new Set()) }));
      s.counts[i]! += act.count;
      s.installs[i]!.add(act.install);
    }
    const field = act.type === 'story_viewed' ? 0 : act.type === 'story_inserted' ? 1 : act.type === 'story_shared' ? 2 : -1;
    if (field >= 0 && smallStories.has(`${act.department}|${act.item}`)) {
      const key = `${act.department}|${act.item}`;
      let s = storySeries.get(key);
      if (!s) storySeries.set(key, (s = { vectors: days.map(() => [0, 0, 0]), installs: days.map(() => new Set()) }));
      s.vectors[i]![field]! += act.count;
      s.installs[i]!.add(act.install);
    }
  }
  for (let a = 0; a < days.length; a++) {
    for (let b = a; b < days.length; b++) {
      const span = a === b ? days[a]! : `${days[a]}..${days[b]}`;
      const smallActions = new Map<string, { action: string; count: number; installs: Set<string> }[]>();
      for (const [key, s] of actionSeries) {
        let count = 0;
        const installs = new Set<string>();
        for (let i = a; i <= b; i++) {
          count += s.counts[i]!;
          for (const x of s.installs[i]!) installs.add(x);
        }
        if (installs.size === 0 || installs.size >= k) continue;
        const [department, role, action] = key.split('|') as [string, string, string];
        const scope = `${department}|${role}`;
        smallActions.set(scope, [...(smallActions.get(scope) ?? []), { action, count, installs }]);
      }
      for (const [scope, cells] of smallActions) {
        const n = Math.min(cells.length, 10);
        for (let mask = 1; mask < 1 << n; mask++) {
          const installs = new Set<string>();
          let count = 0;
          const names: string[] = [];
          for (let i = 0; i < n; i++) {
            if (!(mask & (1 << i))) continue;
            for (const x of cells[i]!.installs) installs.add(x);
            count += cells[i]!.count;
            names.push(cells[i]!.action);
          }
          if (installs.size < k && telling(scope.split('|')[0]!, count)) note(actionCounts, `${scope}|${count}`, `actions ${names.join(' + ')} of ${scope} (${installs.size}) over ${span}`);
        }
      }
      for (const [key, s] of storySeries) {
        const vector = [0, 0, 0];
        const installs = new Set<string>();
        for (let i = a; i <= b; i++) {
          for (let c = 0; c < 3; c++) vector[c]! += s.vectors[i]![c]!;
          for (const x of s.installs[i]!) installs.add(x);
        }
        if (installs.size > 0 && installs.size < k) note(stories, `${key}|${vector.join(',')}`, `story ${key} (${installs.size}) over ${span}`);
      }
    }
  }
  return { vectors, roleActions, actionCounts, stories };
}
