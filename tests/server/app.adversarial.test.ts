import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, weekStart } from '../../shared/src/domain/local-day';
import { OTHER_LABEL, TOTAL_LABEL } from '../../shared/src/domain/stats-to-csv';
import { DashboardOverviewSchema } from '../../shared/src/schemas/dashboard-overview';
import { DepartmentDetailSchema, type DepartmentDetail } from '../../shared/src/schemas/department-detail';
import { ListeningStatsSchema } from '../../shared/src/schemas/listening-stats';
import { NewInstallsSchema } from '../../shared/src/schemas/new-installs';
import { StatsSchema, type Counters, type Stats } from '../../shared/src/schemas/stats';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { countEvents } from '../../server/src/storage/queries/count-events';
import { sql } from '../../server/src/storage/sql';
import { snapshot } from '../support/admin-api';
import {
  buildPopulation,
  countedPlaces,
  COUNTERS,
  CURRENT_WEEK,
  isZero,
  K,
  NOW,
  secretFigures,
  toEvents,
  TODAY,
  truth,
  vectorKey,
  WEEKS,
  type Act,
  type Place,
  type Vector,
} from '../support/disclosure-population';
import { makeEvent, uuidv7 } from '../support/make-event';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../support/test-app';

/**
 * The disclosure rule attacked as an adversary would (issue 14): *no answer,
 * and no combination of answers, reveals a figure about fewer than k
 * installs.* A company is seeded through the public API over six finished
 * weeks and the current one (tests/support/disclosure-population.ts), then
 * every output is read for many ranges — JSON, both CSV views, the
 * dashboard overview and every department view — and
 * - every published figure must be a sum of whole weekly cells of at least
 *   k installs (the partition is read from the answers themselves), an
 *   install counted in one department and role a week, the one it was
 *   last active in (its events where they happened), and
 * - no difference or signed combination of answers may equal the true
 *   figures of any group of fewer than k installs: one install on a day, in
 *   a week or over any span; a small department, role, surface, action or
 *   story audience; any union of small cells.
 */

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
type Range = { from?: string; to?: string };
type Answer = {
  label: string;
  range: Range;
  stats: Stats;
  overview: Stats;
  csv: { departments: string; weekly: string };
  details: Map<string, DepartmentDetail>;
};

const DEPARTMENTS = ['support', 'engineering', 'marketing', 'sales', 'legal', 'finance', 'hr', 'design', 'night-ops', 'audit'];
const single = (day: string): Range => ({ from: day, to: day });
const RANGES: Range[] = [
  { from: '2026-11-02', to: '2026-12-13' },
  { from: '2026-10-01', to: TODAY },
  // The issue's differencing: ranges ending on 30 November and 1 December, and shifted by a day.
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-11-01', to: '2026-12-01' },
  { from: '2026-11-02', to: '2026-11-30' },
  { from: '2026-11-02', to: '2026-12-01' },
  { from: '2026-11-03', to: '2026-12-01' },
  { from: '2026-11-03', to: '2026-12-02' },
  { from: '2026-11-08', to: '2026-12-05' },
  { from: '2026-11-09', to: '2026-12-06' },
  { from: '2026-11-10', to: '2026-12-07' },
  // A range and its sub-ranges.
  { from: '2026-11-16', to: '2026-11-29' },
  { from: '2026-11-16', to: '2026-12-06' },
  { from: '2026-11-23', to: '2026-12-13' },
  { from: '2026-11-02', to: '2026-11-22' },
  // Single weeks, single days (every day of the week of 1 December), the current week.
  ...WEEKS.map((monday) => ({ from: monday, to: addDays(monday, 6) })),
  ...Array.from({ length: 7 }, (_, i) => single(addDays('2026-11-30', i))),
  single('2026-11-17'),
  single('2026-12-13'),
  { from: '2026-12-07', to: TODAY },
  { from: CURRENT_WEEK, to: TODAY },
  single('2026-12-15'),
  // What the dashboard asks by default.
  {},
];

const labelOf = (r: Range) => (r.from === undefined ? 'default range' : r.from === r.to ? r.from : `${r.from}..${r.to}`);
const query = (r: Range) => new URLSearchParams(Object.entries(r).filter(([, v]) => v !== undefined) as [string, string][]).toString();
const counters = (row: Counters): Vector => COUNTERS.map((c) => row[c]);
const minus = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x - b[i]!);
const plus = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + b[i]!);
const sum = (vectors: readonly (readonly number[])[]) => vectors.reduce<number[]>((s, v) => plus(s, v), [0, 0, 0, 0, 0, 0]);
const round1 = (x: number) => Math.round(x * 10) / 10;
const sundayOf = (monday: string) => addDays(monday, 6);

async function signIn(t: TestApp): Promise<string> {
  const response = await t.app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: TEST_ADMIN_TOKEN }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

/** What @hono/node-server hands the app for a request from `address` (the peer address and the parsed headers). */
const fromAddress = (address: string, headers: Record<string, string>) => ({
  incoming: { socket: { remoteAddress: address }, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) },
});

/** Posts events as an extension at `address` would (batches of 500); every batch must be stored. */
async function post(t: TestApp, events: UsageEvent[], headers: Record<string, string> = {}, address = '192.0.2.10') {
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    const sent = { 'Content-Type': 'application/json', ...headers };
    const response = await t.app.request('/api/v1/events', { method: 'POST', headers: sent, body: JSON.stringify({ events: batch }) }, fromAddress(address, sent));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(batch.length);
  }
}

/** Seeds week by week, as the extensions would have sent them: the clock at each week's Sunday evening, then now. */
async function seed(t: TestApp, acts: readonly Act[], installIds: ReadonlyMap<string, string>, now = NOW, headers: Record<string, string> = {}) {
  for (const monday of [...new Set(acts.map((a) => weekStart(a.day)))].sort()) {
    const sunday = `${sundayOf(monday)}T22:00:00Z`;
    t.clock.set(sunday < now ? sunday : now);
    await post(t, toEvents(acts.filter((a) => weekStart(a.day) === monday), installIds), headers);
  }
  t.clock.set(now);
}

async function ask(t: TestApp, cookie: string, range: Range, departments = DEPARTMENTS): Promise<Answer> {
  const q = query(range);
  const get = async (path: string, headers: Record<string, string>) => {
    const response = await t.app.request(`${path}${q ? `?${q}` : ''}`, { headers });
    return response;
  };
  const statsResponse = await get('/api/v1/stats', t.admin);
  expect(statsResponse.status, labelOf(range)).toBe(200);
  const stats = StatsSchema.parse(await statsResponse.json());
  const overview = DashboardOverviewSchema.parse(await (await get('/api/v1/dashboard/overview', { Cookie: cookie })).json()).stats;
  const csv = {
    departments: await (await get('/api/v1/stats.csv', t.admin)).text(),
    weekly: await (await t.app.request(`/api/v1/stats.csv?${new URLSearchParams({ ...range, view: 'weekly' } as Record<string, string>)}`, { headers: t.admin })).text(),
  };
  const details = new Map<string, DepartmentDetail>();
  for (const department of departments) {
    const response = await get(`/api/v1/dashboard/departments/${department}`, { Cookie: cookie });
    expect([200, 404], `${department} ${labelOf(range)}`).toContain(response.status);
    if (response.status === 200) details.set(department, DepartmentDetailSchema.parse(await response.json()));
  }
  return { label: labelOf(range), range, stats, overview, csv, details };
}

/** RFC 4180 cells (quotes doubled), rows split on CRLF. */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
          else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') cells.push(cell), (cell = '');
        else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

/** Collects every derived figure that equals a secret. */
class Adversary {
  hits: string[] = [];
  tried = 0;
  constructor(private readonly secrets: ReturnType<typeof secretFigures>) {}
  private hit(what: string | undefined, how: () => string, value: string) {
    if (what && this.hits.length < 50) this.hits.push(`${how()} = [${value}], the figures of ${what}`);
  }
  vector(v: readonly number[], how: () => string) {
    this.tried++;
    if (isZero(v) || v.some((x) => x < 0)) return;
    this.hit(this.secrets.vectors.get(vectorKey(v)), how, v.join(','));
  }
  roleActions(department: string, value: number, how: () => string) {
    this.tried++;
    if (value > 0) this.hit(this.secrets.roleActions.get(`${department}|${value}`), how, String(value));
  }
  actionCount(department: string, role: string, value: number, how: () => string) {
    this.tried++;
    if (value > 0) this.hit(this.secrets.actionCounts.get(`${department}|${role}|${value}`), how, String(value));
  }
  story(department: string, storyId: string, v: readonly number[], how: () => string) {
    this.tried++;
    if (!isZero(v) && v.every((x) => x >= 0)) this.hit(this.secrets.stories.get(`${department}|${storyId}|${v.join(',')}`), how, v.join(','));
  }
}

/** Every signed combination (−1, 0, +1) of `rows`. */
function* signedCombinations(rows: readonly { label: string; v: readonly number[] }[]): Generator<{ v: number[]; how: () => string }> {
  const n = rows.length;
  const total = 3 ** n;
  for (let code = 1; code < total; code++) {
    const v = [0, 0, 0, 0, 0, 0];
    const coefficients: number[] = [];
    let c = code;
    for (let i = 0; i < n; i++) {
      const coefficient = (c % 3) - 1;
      c = Math.floor(c / 3);
      coefficients.push(coefficient);
      if (coefficient) for (let j = 0; j < 6; j++) v[j]! += coefficient * rows[i]!.v[j]!;
    }
    yield { v, how: () => rows.map((r, i) => (coefficients[i] ? `${coefficients[i]! > 0 ? '+' : '-'} ${r.label}` : '')).filter(Boolean).join(' ') };
  }
}

/** Every subset of `items`, the empty one included. */
function* subsets<T>(items: readonly T[]): Generator<T[]> {
  for (let mask = 0; mask < 1 << items.length; mask++) yield items.filter((_, i) => mask & (1 << i));
}

describe('the disclosure rule, attacked', async () => {
  const { acts, installIds } = buildPopulation();
  const secrets = secretFigures(acts);
  const t = await makeTestApp({ now: NOW, config: { minGroupSize: K } });
  const answers: Answer[] = [];
  /** The answer for exactly one whole week, by its Monday. */
  const weekAnswer = new Map<string, Answer>();

  const inWeek = (monday: string) => (a: Act) => a.day >= monday && a.day <= sundayOf(monday);
  const weekTruth = (monday: string, keep: (a: Act) => boolean) => truth(acts, keep, monday, sundayOf(monday));
  const activeIn = (monday: string, key: (a: Act) => string, keep: (a: Act) => boolean = () => true) =>
    new Set(acts.filter((a) => inWeek(monday)(a) && keep(a)).map(key));
  const places = new Map([...WEEKS, CURRENT_WEEK].map((monday) => [monday, countedPlaces(acts, monday)]));
  /** Installs counted in the week of `monday` in a place `keep` accepts: one place per install and week. */
  const countedIn = (monday: string, keep: (p: Place) => boolean) => [...places.get(monday)!.values()].filter(keep).length;
  /** The finished weeks an answer is made of (none withheld in this company: checked below). */
  const keptWeeks = (a: Answer) => WEEKS.filter((w) => w >= a.stats.from && sundayOf(w) <= a.stats.to);

  beforeAll(async () => {
    await seed(t, acts, installIds);
    const cookie = await signIn(t);
    for (const range of RANGES) answers.push(await ask(t, cookie, range));
    for (const a of answers) {
      if (a.stats.weeks === 1 && a.range.from === a.stats.from && a.range.to === a.stats.to) weekAnswer.set(a.stats.from, a);
    }
  }, 60_000);

  it('seeds what it means to attack: named and folded departments, small roles, rare surfaces', () => {
    const whole = answers[0]!.stats;
    expect(whole.weeks).toBe(6);
    expect(whole.withheldWeeks).toEqual([]);
    expect(whole.departments.map((d) => d.department)).toEqual(['engineering', 'sales', 'support']);
    expect(whole.other?.departments).toBe(7);
    expect(counters(whole.total)).toEqual(truth(acts, () => true, WEEKS[0], sundayOf(WEEKS[5])).vector);
    expect(weekAnswer.size).toBe(6);
    // The secrets the issue's findings name are among those checked.
    const day = (label: string, d: string) => truth(acts, (a) => a.install === label, d, d).vector;
    expect(secrets.vectors.has(vectorKey(day('engineering-1', '2026-12-01')))).toBe(true);
    expect(secrets.vectors.has(vectorKey(day('night-ops-1', '2026-12-01')))).toBe(true);
    expect(secrets.roleActions.get('sales|18')).toMatch(/sales-ops/);
    expect(secrets.actionCounts.get('engineering|developer|60')).toMatch(/dev-deploy/);
    // Movers in the week of 30 November: each counts once, where it was last; audit has events and nobody counted.
    const moved = places.get('2026-11-30')!;
    expect(['support-20', 'marketing-6', 'marketing-7', 'audit-1'].map((label) => moved.get(label)?.department)).toEqual(['legal', 'design', 'engineering', 'sales']);
    expect(weekTruth('2026-11-30', (a) => a.department === 'marketing').installs.size).toBe(7);
    expect(countedIn('2026-11-30', (p) => p.department === 'marketing')).toBe(5);
    expect(isZero(weekTruth('2026-11-30', (a) => a.department === 'audit').vector)).toBe(false);
    expect(countedIn('2026-11-30', (p) => p.department === 'audit')).toBe(0);
    expect(secrets.vectors.has(vectorKey(weekTruth('2026-11-30', (a) => a.department === 'audit').vector))).toBe(true);
  });

  it('answers only whole, finished weeks: ranges within the same weeks give the same answer, the current week never counts', () => {
    const byWeeks = new Map<string, Answer>();
    for (const a of answers) {
      const touched: string[] = [];
      if (a.range.from === undefined) touched.push(...WEEKS.slice(-4));
      else for (let w = weekStart(a.range.from); w <= a.range.to!; w = addDays(w, 7)) touched.push(w);
      const finished = touched.filter((w) => sundayOf(w) < TODAY);
      expect(a.stats.weeks, a.label).toBe(finished.length);
      if (finished.length) expect([a.stats.from, a.stats.to], a.label).toEqual([finished[0], sundayOf(finished.at(-1)!)]);
      else expect(counters(a.stats.total).concat(a.stats.total.activeInstalls), a.label).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(a.stats.weekly.every((row) => row.week < CURRENT_WEEK), a.label).toBe(true);
      const key = finished.join();
      const same = byWeeks.get(key);
      if (!same) {
        byWeeks.set(key, a);
        continue;
      }
      // With no finished week there are no figures, and from/to say what was asked.
      const { requested: _a, ...rest } = finished.length ? a.stats : { ...a.stats, from: '', to: '' };
      const { requested: _b, ...sameRest } = finished.length ? same.stats : { ...same.stats, from: '', to: '' };
      expect(rest, `${a.label} against ${same.label}`).toEqual(sameRest);
      expect(a.csv.weekly, a.label).toBe(same.csv.weekly);
      expect([...a.details], a.label).toEqual([...same.details]);
    }
  });

  it('CSV (both views) and the dashboard overview carry exactly the JSON figures', () => {
    for (const a of answers) {
      const { stats } = a;
      expect(a.overview, a.label).toEqual(stats);
      const [header, ...rows] = parseCsv(a.csv.departments);
      expect(header!.slice(2, 8), a.label).toEqual(COUNTERS.slice());
      const expected = [
        { name: TOTAL_LABEL, row: stats.total as Counters },
        ...stats.departments.map((d) => ({ name: d.department, row: d as Counters })),
        ...(stats.other ? [{ name: OTHER_LABEL, row: stats.other as Counters }] : []),
      ];
      expect(rows.map((r) => r.slice(0, 8).map((c, i) => (i === 0 ? c : Number(c)))), a.label).toEqual(
        expected.map(({ name, row }) => [name, row.activeInstalls, ...counters(row)]),
      );
      const [weeklyHeader, ...weekly] = parseCsv(a.csv.weekly);
      expect(weeklyHeader, a.label).toEqual(['week', 'department', 'activeInstalls', ...COUNTERS]);
      expect(weekly.map((r) => [r[0], r[1], ...r.slice(2).map(Number)]), a.label).toEqual(
        stats.weekly.map((w) => [w.week, w.department ?? OTHER_LABEL, w.activeInstalls, ...counters(w)]),
      );
    }
  });

  it('every weekly row is one cell of its week: a department of at least k installs, or at least two folded ones with at least k together', () => {
    for (const monday of WEEKS) {
      const rows = answers.flatMap((a) => a.stats.weekly.filter((w) => w.week === monday));
      // The same week is split the same way in every answer.
      const first = rows.filter((w, i) => rows.findIndex((x) => JSON.stringify(x) === JSON.stringify(w)) === i);
      const named = first.filter((w) => w.department !== null);
      expect(new Set(first.map((w) => w.department)).size, monday).toBe(first.length);
      const active = activeIn(monday, (a) => a.department);
      for (const row of named) {
        // Its events are those that happened in it; its installs, those counted in it.
        const cell = weekTruth(monday, (a) => a.department === row.department);
        const counted = countedIn(monday, (p) => p.department === row.department);
        expect(counted, `${monday} ${row.department}`).toBeGreaterThanOrEqual(K);
        expect([row.activeInstalls, ...counters(row)], `${monday} ${row.department}`).toEqual([counted, ...cell.vector]);
      }
      // Counted once each: the week's rows add up to its total installs.
      const total = weekAnswer.get(monday)!.stats.total.activeInstalls;
      expect(first.reduce((n, w) => n + w.activeInstalls, 0), `${monday} rows against total`).toBe(total);
      const folded = [...active].filter((d) => !named.some((w) => w.department === d));
      const otherRow = first.find((w) => w.department === null);
      if (folded.length === 0) {
        expect(otherRow, monday).toBeUndefined();
        continue;
      }
      // Every department with events is in a cell: one with events and nobody counted in it is folded.
      const cell = weekTruth(monday, (a) => folded.includes(a.department));
      const counted = countedIn(monday, (p) => folded.includes(p.department));
      expect(folded.length, `${monday} folded ${folded}`).toBeGreaterThanOrEqual(2);
      expect(counted, `${monday} folded ${folded}`).toBeGreaterThanOrEqual(K);
      expect(otherRow && [otherRow.activeInstalls, ...counters(otherRow)], monday).toEqual([counted, ...cell.vector]);
    }
    expect(weekAnswer.get('2026-11-30')!.stats.weekly.find((w) => w.department === null)).toBeDefined();
    // Complementary suppression happened: the week of 7 December folds marketing (named in other weeks) with hr.
    expect(weekAnswer.get('2026-12-07')!.stats.weekly.map((w) => w.department)).toEqual(['engineering', 'sales', 'support', null]);
    expect(weekAnswer.get('2026-11-09')!.stats.weekly.map((w) => w.department)).toEqual(['engineering', 'marketing', 'sales', 'support', null]);
  });

  it('every range row is a sum of whole weekly cells: a named department is named in each of its weeks, "other" and the total take whole cells', () => {
    const namedIn = (monday: string) => new Set(weekAnswer.get(monday)!.stats.weekly.filter((w) => w.week === monday && w.department).map((w) => w.department!));
    for (const a of answers) {
      const weeks = keptWeeks(a);
      const n = weeks.length;
      expect(a.stats.withheldWeeks, a.label).toEqual([]);
      const named = new Set(a.stats.departments.map((d) => d.department));
      for (const row of a.stats.departments) {
        const cells = weeks.map((w) => weekTruth(w, (x) => x.department === row.department));
        weeks.forEach((w, i) => {
          if (cells[i]!.installs.size) expect(namedIn(w).has(row.department), `${a.label}: ${row.department} folded in ${w}`).toBe(true);
        });
        expect(counters(row), `${a.label} ${row.department}`).toEqual(sum(cells.map((c) => c.vector)));
        const counted = weeks.map((w) => countedIn(w, (p) => p.department === row.department));
        expect(row.activeInstalls, `${a.label} ${row.department}`).toBe(round1(counted.reduce((s, c) => s + c, 0) / n));
      }
      const rest = weeks.map((w) => [...activeIn(w, (x) => x.department)].filter((d) => !named.has(d)));
      weeks.forEach((w, i) => {
        // The week's folded cell is wholly in "other"; every other department in it is a named cell that week.
        const foldedThatWeek = [...activeIn(w, (x) => x.department)].filter((d) => !namedIn(w).has(d));
        for (const d of foldedThatWeek) expect(rest[i], `${a.label}: ${d} (folded in ${w}) is named over the range`).toContain(d);
      });
      const otherTruth = sum(weeks.map((w, i) => weekTruth(w, (x) => rest[i]!.includes(x.department)).vector));
      if (a.stats.other) {
        expect(counters(a.stats.other), a.label).toEqual(otherTruth);
        expect(a.stats.other.departments, a.label).toBeGreaterThanOrEqual(2);
      } else expect(isZero(otherTruth), a.label).toBe(true);
      const totals = weeks.map((w) => weekTruth(w, () => true));
      expect(counters(a.stats.total), a.label).toEqual(sum(totals.map((c) => c.vector)));
      if (n) expect(a.stats.total.activeInstalls, a.label).toBe(round1(totals.reduce((s, c) => s + c.installs.size, 0) / n));
    }
  });

  it('roles, surfaces and top actions are split per week the same way, and a range names only what each of its weeks names', () => {
    for (const [monday, wa] of weekAnswer) {
      for (const row of wa.stats.departments) {
        const d = row.department;
        const inDept = (x: Act) => x.department === d;
        // Roles: this week's named roles are cells of at least k; the rest at least two roles and k installs.
        const roles = activeIn(monday, (x) => x.role, inDept);
        const namedRoles = Object.keys(row.actionsByRole).filter((r) => r !== 'other');
        for (const r of namedRoles) {
          const cell = weekTruth(monday, (x) => inDept(x) && x.role === r);
          expect(countedIn(monday, (p) => p.department === d && p.role === r), `${monday} ${d}/${r}`).toBeGreaterThanOrEqual(K);
          expect(row.actionsByRole[r], `${monday} ${d}/${r}`).toBe(cell.vector[5]);
        }
        const foldedRoles = [...roles].filter((r) => !namedRoles.includes(r));
        if (foldedRoles.length) {
          const cell = weekTruth(monday, (x) => inDept(x) && foldedRoles.includes(x.role));
          expect(foldedRoles.length, `${monday} ${d} roles ${foldedRoles}`).toBeGreaterThanOrEqual(2);
          expect(countedIn(monday, (p) => p.department === d && foldedRoles.includes(p.role)), `${monday} ${d} roles ${foldedRoles}`).toBeGreaterThanOrEqual(K);
          expect(row.actionsByRole.other ?? 0, `${monday} ${d} other role`).toBe(cell.vector[5]);
        }
        // Surfaces, in the department view for this week.
        const detail = wa.details.get(d)!;
        expect(detail, `${monday} ${d} detail`).toBeDefined();
        const surfaces = activeIn(monday, (x) => x.surface, inDept);
        const namedSurfaces = detail.surfaces.filter((s) => s.surface !== 'other');
        for (const s of namedSurfaces) {
          const cell = weekTruth(monday, (x) => inDept(x) && x.surface === s.surface);
          expect(cell.installs.size, `${monday} ${d} on ${s.surface}`).toBeGreaterThanOrEqual(K);
          expect(counters(s as unknown as Counters), `${monday} ${d} on ${s.surface}`).toEqual(cell.vector);
        }
        const foldedSurfaces = [...surfaces].filter((s) => !namedSurfaces.some((n) => n.surface === s));
        const otherSurface = detail.surfaces.find((s) => s.surface === 'other');
        if (foldedSurfaces.length) {
          const cell = weekTruth(monday, (x) => inDept(x) && foldedSurfaces.includes(x.surface));
          expect(foldedSurfaces.length, `${monday} ${d} surfaces ${foldedSurfaces}`).toBeGreaterThanOrEqual(2);
          expect(cell.installs.size, `${monday} ${d} surfaces ${foldedSurfaces}`).toBeGreaterThanOrEqual(K);
          expect(otherSurface && counters(otherSurface as unknown as Counters), `${monday} ${d} other surface`).toEqual(cell.vector);
        } else expect(otherSurface, `${monday} ${d}`).toBeUndefined();
        // Top actions: of a named role, at least k installs; the role's other actions at least two and k installs.
        for (const r of namedRoles) {
          const listed = detail.topActions.filter((x) => x.role === r);
          const isAction = (x: Act) => inDept(x) && x.type === 'action_taken' && x.role === r;
          for (const action of listed) {
            const cell = weekTruth(monday, (x) => isAction(x) && x.item === action.actionId);
            expect(cell.installs.size, `${monday} ${d}/${r} ${action.actionId}`).toBeGreaterThanOrEqual(K);
            expect(action.count).toBe(cell.vector[5]);
          }
          const unlisted = [...activeIn(monday, (x) => x.item, isAction)].filter((id) => !listed.some((l) => l.actionId === id));
          if (listed.length && unlisted.length) {
            const cell = weekTruth(monday, (x) => isAction(x) && unlisted.includes(x.item));
            expect(unlisted.length, `${monday} ${d}/${r} unlisted ${unlisted}`).toBeGreaterThanOrEqual(2);
            expect(cell.installs.size, `${monday} ${d}/${r} unlisted ${unlisted}`).toBeGreaterThanOrEqual(K);
          }
        }
        expect(detail.topActions.every((x) => namedRoles.includes(x.role)), `${monday} ${d}`).toBe(true);
      }
    }
    // Ranges: a role, surface or action is named only if every week of the range names it wherever it was active.
    for (const a of answers) {
      const weeks = keptWeeks(a);
      for (const row of a.stats.departments) {
        const d = row.department;
        const detail = a.details.get(d);
        expect(detail, `${a.label} ${d}`).toBeDefined();
        expect(detail!.actionsByRole, `${a.label} ${d}`).toEqual(row.actionsByRole);
        expect(detail!.activeInstalls).toBe(row.activeInstalls);
        const weekRow = (w: string) => weekAnswer.get(w)!.stats.departments.find((x) => x.department === d);
        const weekDetail = (w: string) => weekAnswer.get(w)!.details.get(d);
        for (const r of Object.keys(row.actionsByRole).filter((r) => r !== 'other')) {
          for (const w of weeks) {
            if (weekTruth(w, (x) => x.department === d && x.role === r).installs.size) {
              expect(Object.keys(weekRow(w)?.actionsByRole ?? {}), `${a.label}: role ${d}/${r} folded in ${w}`).toContain(r);
            }
          }
        }
        const namedActions = Object.entries(row.actionsByRole).filter(([r]) => r !== 'other');
        expect(row.actionsByRole.other ?? 0, `${a.label} ${d} other role`).toBe(row.actionsTaken - namedActions.reduce((s, [, n]) => s + n, 0));
        for (const s of detail!.surfaces.filter((s) => s.surface !== 'other')) {
          for (const w of weeks) {
            if (weekTruth(w, (x) => x.department === d && x.surface === s.surface).installs.size) {
              expect(weekDetail(w)?.surfaces.map((x) => x.surface), `${a.label}: surface ${d}/${s.surface} folded in ${w}`).toContain(s.surface);
            }
          }
        }
        expect(sum(detail!.surfaces.map((s) => counters(s as unknown as Counters))), `${a.label} ${d} surfaces add up`).toEqual(counters(row));
        for (const action of detail!.topActions) {
          for (const w of weeks) {
            if (weekTruth(w, (x) => x.department === d && x.role === action.role && x.item === action.actionId).installs.size) {
              expect(weekDetail(w)?.topActions.map((x) => x.actionId), `${a.label}: ${d} ${action.actionId} folded in ${w}`).toContain(action.actionId);
            }
          }
        }
      }
      // The department view exists exactly for the departments the stats name.
      expect([...a.details.keys()].sort(), a.label).toEqual(a.stats.departments.map((d) => d.department).sort());
    }
  });

  it('no combination of answers derives the figures of fewer than k installs (differences, other minus named, total minus named, weeks against ranges, surfaces, roles, actions)', () => {
    const adversary = new Adversary(secrets);
    // 1. Every published row, and every difference of two of them (any ranges, any outputs).
    const published = new Map<string, { label: string; v: number[] }>();
    const publish = (label: string, v: number[]) => {
      if (!published.has(vectorKey(v))) published.set(vectorKey(v), { label, v });
    };
    for (const a of answers) {
      publish(`${a.label} total`, counters(a.stats.total));
      for (const d of a.stats.departments) publish(`${a.label} ${d.department}`, counters(d));
      if (a.stats.other) publish(`${a.label} other`, counters(a.stats.other));
      for (const w of a.stats.weekly) publish(`week ${w.week} ${w.department ?? 'other'}`, counters(w));
      for (const [d, detail] of a.details) for (const s of detail.surfaces) publish(`${a.label} ${d} on ${s.surface}`, counters(s as unknown as Counters));
      // CSV read as an adversary would, whatever the JSON says.
      for (const r of parseCsv(a.csv.departments).slice(1)) publish(`${a.label} CSV ${r[0]}`, r.slice(2, 8).map(Number));
      for (const r of parseCsv(a.csv.weekly).slice(1)) publish(`CSV week ${r[0]} ${r[1]}`, r.slice(3, 9).map(Number));
    }
    const rows = [...published.values()];
    for (const p of rows) adversary.vector(p.v, () => p.label);
    for (const p of rows) for (const q of rows) if (p !== q) adversary.vector(minus(p.v, q.v), () => `${p.label} - ${q.label}`);

    // 2. Within one answer: every signed combination of total, named departments and other.
    for (const a of answers) {
      const own = [
        { label: `${a.label} total`, v: counters(a.stats.total) },
        ...a.stats.departments.map((d) => ({ label: `${a.label} ${d.department}`, v: counters(d) })),
        ...(a.stats.other ? [{ label: `${a.label} other`, v: counters(a.stats.other) }] : []),
      ];
      for (const { v, how } of signedCombinations(own)) adversary.vector(v, how);
      // 3. A range row minus any of its weekly rows (a week's total being the sum of its rows).
      const weeks = keptWeeks(a);
      const weekRows = (key: string | null | 'total') => weeks.map((w) => {
        const ofWeek = a.stats.weekly.filter((x) => x.week === w && (key === 'total' || x.department === key));
        return { label: `week ${w} ${key ?? 'other'}`, v: sum(ofWeek.map((x) => counters(x))) };
      });
      const rangeRows: [string | null | 'total', number[]][] = [
        ['total', counters(a.stats.total)],
        ...a.stats.departments.map((d): [string, number[]] => [d.department, counters(d)]),
        ...(a.stats.other ? [[null, counters(a.stats.other)] as [null, number[]]] : []),
      ];
      for (const [key, v] of rangeRows) {
        for (const subset of subsets(weekRows(key))) adversary.vector(minus(v, sum(subset.map((s) => s.v))), () => `${a.label} ${key ?? 'other'} - ${subset.map((s) => s.label).join(' - ')}`);
      }
      // 4. The department view: the department minus any of its surfaces.
      for (const [d, detail] of a.details) {
        const row = counters(a.stats.departments.find((x) => x.department === d)!);
        const surfaces = detail.surfaces.map((s) => ({ label: `${a.label} ${d} on ${s.surface}`, v: counters(s as unknown as Counters) }));
        for (const subset of subsets(surfaces)) adversary.vector(minus(row, sum(subset.map((s) => s.v))), () => `${a.label} ${d} - ${subset.map((s) => s.label).join(' - ')}`);
      }
    }
    // 5. Within one week: every signed combination of its rows and its total.
    for (const [monday, wa] of weekAnswer) {
      const own = [
        { label: `week ${monday} total`, v: counters(wa.stats.total) },
        ...wa.stats.weekly.map((w) => ({ label: `week ${monday} ${w.department ?? 'other'}`, v: counters(w) })),
      ];
      for (const { v, how } of signedCombinations(own)) adversary.vector(v, how);
    }

    // 6. Roles: a department's actions minus any of its named roles, and each role cell across ranges.
    const roleCells = new Map<string, { label: string; value: number }[]>();
    for (const a of answers) {
      for (const row of a.stats.departments) {
        const named = Object.entries(row.actionsByRole).filter(([r]) => r !== 'other');
        for (const subset of subsets(named)) {
          adversary.roleActions(row.department, row.actionsTaken - subset.reduce((s, [, n]) => s + n, 0), () => `${a.label} ${row.department} actions - ${subset.map(([r]) => r)}`);
        }
        for (const [role, value] of Object.entries(row.actionsByRole)) {
          adversary.roleActions(row.department, value, () => `${a.label} ${row.department} role ${role}`);
          const key = `${row.department}|${role}`;
          roleCells.set(key, [...(roleCells.get(key) ?? []), { label: `${a.label} ${row.department} role ${role}`, value }]);
        }
      }
    }
    for (const [key, cells] of roleCells) {
      for (const p of cells) for (const q of cells) adversary.roleActions(key.split('|')[0]!, p.value - q.value, () => `${p.label} - ${q.label}`);
    }
    // 7. Top actions: each, across ranges, and a role's actions minus its listed ones.
    const actionCells = new Map<string, { label: string; value: number }[]>();
    for (const a of answers) {
      for (const [d, detail] of a.details) {
        for (const [role, value] of Object.entries(detail.actionsByRole)) {
          const listed = detail.topActions.filter((x) => x.role === role);
          for (const subset of subsets(listed)) {
            adversary.actionCount(d, role, value - subset.reduce((s, x) => s + x.count, 0), () => `${a.label} ${d} role ${role} - ${subset.map((x) => x.actionId)}`);
          }
        }
        for (const x of detail.topActions) {
          const key = `${d}|${x.role}|${x.actionId}`;
          actionCells.set(key, [...(actionCells.get(key) ?? []), { label: `${a.label} ${d} ${x.actionId}`, value: x.count }]);
        }
      }
    }
    for (const [key, cells] of actionCells) {
      const [d, role] = key.split('|') as [string, string];
      for (const p of cells) {
        adversary.actionCount(d, role, p.value, () => p.label);
        for (const q of cells) adversary.actionCount(d, role, p.value - q.value, () => `${p.label} - ${q.label}`);
      }
    }

    expect(adversary.tried).toBeGreaterThan(40_000);
    expect(adversary.hits).toEqual([]);
  });

  it('install counts: the average installs of a range, times its weeks, minus its weekly cells, count no group below k (installs that moved department)', () => {
    const derived: string[] = [];
    for (const a of answers) {
      const weeks = keptWeeks(a);
      const n = weeks.length;
      if (n === 0 || n > 9) continue;
      // One decimal over fewer than ten weeks: the sum of weekly counts is the one integer that rounds to it.
      const recover = (average: number) => {
        const found: number[] = [];
        for (let s = Math.ceil(n * (average - 0.05) - 1e-9); s <= Math.floor(n * (average + 0.05) + 1e-9); s++) found.push(s);
        return found.length === 1 ? found[0]! : undefined;
      };
      const named = new Set(a.stats.departments.map((d) => d.department));
      const rowsOf = (w: string) => a.stats.weekly.filter((x) => x.week === w);
      const figures: [string, number | undefined, number][] = [
        ['total', recover(a.stats.total.activeInstalls), sum(weeks.map((w) => [rowsOf(w).reduce((s, x) => s + x.activeInstalls, 0), 0, 0, 0, 0, 0]))[0]!],
      ];
      if (a.stats.other) {
        const cells = weeks.flatMap((w) => rowsOf(w).filter((x) => x.department === null || !named.has(x.department)));
        figures.push(['other', recover(a.stats.other.activeInstalls), cells.reduce((s, x) => s + x.activeInstalls, 0)]);
      }
      for (const [name, recovered, cells] of figures) {
        if (recovered === undefined) continue;
        const difference = cells - recovered;
        if (difference !== 0 && difference < K) derived.push(`${a.label}: ${name} ${a.stats[name as 'total']!.activeInstalls} × ${n} weeks = ${recovered}, its weekly cells add up to ${cells}: ${difference} install(s) counted in two cells`);
      }
    }
    expect(derived).toEqual([]);
  });

  it('listening (thanks received, voice by kind) names exactly the departments the adoption answer names, over the same weeks; other is total minus named', async () => {
    // One thanks for each department on each day somebody acted there (inserted as ingest keeps them; stats do not read them).
    const thanked = [...new Set(acts.map((a) => `${a.department}|${a.day}`))].map((key) => key.split('|') as [string, string]);
    for (const [department, day] of thanked) {
      await t.storage.run(sql`INSERT INTO thanks (story_id, department, install_id, day) VALUES ('night-shift-login', ${department}, ${`${department}-${day}`}, ${day})`);
    }
    const cookie = await signIn(t);
    for (const a of answers) {
      const q = query(a.range);
      const response = await t.app.request(`/api/v1/dashboard/listening${q ? `?${q}` : ''}`, { headers: { Cookie: cookie } });
      expect(response.status, a.label).toBe(200);
      const listening = ListeningStatsSchema.parse(await response.json());
      expect([listening.from, listening.to, listening.weeks], a.label).toEqual([a.stats.from, a.stats.to, a.stats.weeks]);
      expect(listening.departments.map((d) => d.department), a.label).toEqual(a.stats.departments.map((d) => d.department));
      expect(listening.other?.departments, a.label).toBe(a.stats.other?.departments);
      const kept = keptWeeks(a);
      const truthOf = (keep: (department: string) => boolean) => thanked.filter(([department, day]) => keep(department) && (kept as readonly string[]).includes(weekStart(day))).length;
      expect(listening.total.thanksReceived, a.label).toBe(truthOf(() => true));
      for (const row of listening.departments) expect(row.thanksReceived, `${a.label} ${row.department}`).toBe(truthOf((d) => d === row.department));
      if (listening.other) {
        const named = new Set(listening.departments.map((d) => d.department));
        expect(listening.other.thanksReceived, a.label).toBe(truthOf((d) => !named.has(d)));
      }
    }
  });

  it('finding 3: no weekly row and no one-day range shows fewer than k installs', () => {
    for (const a of answers) {
      for (const w of a.stats.weekly) expect(w.activeInstalls, `${a.label} week ${w.week} ${w.department}`).toBeGreaterThanOrEqual(K);
      if (a.range.from !== undefined && a.range.from === a.range.to && a.stats.weeks === 1) {
        const rows = [a.stats.total, ...a.stats.departments, ...(a.stats.other ? [a.stats.other] : [])];
        for (const row of rows) expect(row.activeInstalls, a.label).toBeGreaterThanOrEqual(K);
        // A single day is answered with its whole week.
        expect([a.stats.from, a.stats.to]).toEqual([weekStart(a.range.from), sundayOf(weekStart(a.range.from))]);
      }
    }
    // night-ops-1, active on one day only, is never a row of its own.
    for (const a of answers) expect(JSON.stringify(a.stats)).not.toContain('night-ops');
  });

  it('finding 4: …11-30 and …12-01 give the same answer, so neither engineering-1 nor night-ops-1 on 1 December can be subtracted out', () => {
    const find = (from: string, to: string) => answers.find((a) => a.range.from === from && a.range.to === to)!;
    const pairs = [
      [find('2026-11-01', '2026-11-30'), find('2026-11-01', '2026-12-01')],
      [find('2026-11-02', '2026-11-30'), find('2026-11-02', '2026-12-01')],
      [find('2026-11-30', '2026-11-30'), find('2026-12-01', '2026-12-01')],
    ] as const;
    const engineer = truth(acts, (a) => a.install === 'engineering-1', '2026-12-01', '2026-12-01').vector;
    const nightOps = truth(acts, (a) => a.install === 'night-ops-1').vector;
    expect(isZero(engineer) || isZero(nightOps)).toBe(false);
    for (const [before, after] of pairs) {
      const { requested: _a, ...x } = before.stats;
      const { requested: _b, ...y } = after.stats;
      expect(y, `${after.label} against ${before.label}`).toEqual(x);
      expect(after.csv.departments).toBe(before.csv.departments);
      expect(after.details.get('engineering'), after.label).toEqual(before.details.get('engineering'));
      const eng = (a: Answer) => counters(a.stats.departments.find((d) => d.department === 'engineering')!);
      expect(minus(eng(after), eng(before))).toEqual([0, 0, 0, 0, 0, 0]);
    }
    // The old chain: engineering's 12-01 difference, taken from 12-01's "other", gave night-ops-1.
    const day = find('2026-12-01', '2026-12-01').stats;
    for (const row of [day.total, ...day.departments, ...(day.other ? [day.other] : [])]) {
      expect(counters(row)).not.toEqual(engineer);
      expect(counters(row)).not.toEqual(nightOps);
      expect(minus(counters(row), engineer)).not.toEqual(nightOps);
    }
  });

  it('finding 5: a one-person role inside a named department shows in no role key, action id or surface of the department view', () => {
    const opsPerson = truth(acts, (a) => a.install === 'sales-11');
    const opsOutlook = truth(acts, (a) => a.install === 'sales-11' && a.surface === 'outlook').vector;
    const sreActions = truth(acts, (a) => a.role === 'sre' && a.type === 'action_taken').vector[5]!;
    for (const a of answers) {
      for (const row of a.stats.departments) {
        expect(Object.keys(row.actionsByRole), a.label).not.toContain('sales-ops');
        expect(Object.keys(row.actionsByRole), a.label).not.toContain('sre');
      }
      for (const [d, detail] of a.details) {
        const ids = detail.topActions.map((x) => x.actionId);
        expect(ids, `${a.label} ${d}`).not.toContain('ops-forecast');
        expect(ids, `${a.label} ${d}`).not.toContain('sre-oncall');
        // dev-deploy: two developers; listed, it would be theirs (and the role minus it, the others').
        expect(ids, `${a.label} ${d}`).not.toContain('dev-deploy');
        const surfaces = detail.surfaces.map((s) => s.surface);
        for (const rare of ['outlook', 'teams', 'zoom', 'meet'] as const) expect(surfaces, `${a.label} ${d}`).not.toContain(rare);
        const named = detail.surfaces.filter((s) => s.surface !== 'other').map((s) => counters(s as unknown as Counters));
        const row = counters(a.stats.departments.find((x) => x.department === d)!);
        expect(minus(row, sum(named)), `${a.label} ${d}`).not.toEqual(opsOutlook);
        expect(minus(row, sum(named)), `${a.label} ${d}`).not.toEqual(opsPerson.vector);
        const role = detail.actionsByRole;
        expect(role.other, `${a.label} ${d}`).not.toBe(sreActions);
      }
    }
  });

  it('top stories: no story is listed for an audience of fewer than k installs', () => {
    const adversary = new Adversary(secrets);
    const storyCells = new Map<string, { label: string; v: number[] }[]>();
    for (const a of answers) {
      for (const [d, detail] of a.details) {
        for (const s of detail.topStories) {
          const v = [s.views, s.inserted, s.shared];
          adversary.story(d, s.storyId, v, () => `${a.label} ${d} top story ${s.storyId}`);
          const key = `${d}|${s.storyId}`;
          storyCells.set(key, [...(storyCells.get(key) ?? []), { label: `${a.label} ${d} ${s.storyId}`, v }]);
        }
      }
    }
    for (const [key, cells] of storyCells) {
      const [d, storyId] = key.split('|') as [string, string];
      for (const p of cells) for (const q of cells) adversary.story(d, storyId, minus(p.v, q.v).slice(0, 3), () => `${p.label} - ${q.label}`);
    }
    expect(adversary.hits).toEqual([]);
    // Stories every install of a large department saw are listed; the one only sales-11 read never is.
    expect(storyCells.size).toBeGreaterThan(0);
    expect([...storyCells.keys()].some((key) => key.endsWith('|story-rare'))).toBe(false);
    // Each listed story had at least k installs seeing or using it in every week of the range.
    for (const a of answers) {
      for (const [d, detail] of a.details) {
        for (const s of detail.topStories) {
          for (const w of keptWeeks(a)) {
            const audience = weekTruth(w, (x) => x.department === d && x.item === s.storyId && x.type.startsWith('story')).installs.size;
            expect(audience === 0 || audience >= K, `${a.label} ${d} ${s.storyId} in ${w}: ${audience}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('finding 2: one named department of 6 installs and one small one of 2', () => {
  it('"other" is never exactly the small department: not in JSON, CSV, the overview, nor as total minus named', async () => {
    const now = '2026-11-18T12:00:00Z'; // a Wednesday; two finished weeks before it
    const acts: Act[] = [];
    const at = (install: string, department: string, day: string, n: number): Act[] =>
      (['story_viewed', 'prompt_shown', 'action_taken'] as const).map((type, i) => ({
        install,
        department,
        role: 'member',
        surface: 'newtab',
        type,
        day,
        item: type === 'action_taken' ? 'member-task' : type === 'story_viewed' ? 'story-a' : 'prompt-a',
        count: n + 2 * i,
      }));
    for (const [w, monday] of ['2026-11-02', '2026-11-09'].entries()) {
      for (let i = 1; i <= 6; i++) acts.push(...at(`alpha-${i}`, 'alpha', addDays(monday, i % 5), i + w));
      for (let i = 1; i <= 2; i++) acts.push(...at(`beta-${i}`, 'beta', addDays(monday, 1), 10 + i + 3 * w));
    }
    const ids = new Map([...new Set(acts.map((a) => a.install))].map((label) => [label, uuidv7()]));
    const t = await makeTestApp({ now, config: { minGroupSize: K } });
    await seed(t, acts, ids, now);
    const cookie = await signIn(t);
    const beta = [
      truth(acts, (a) => a.department === 'beta').vector,
      ...['2026-11-02', '2026-11-09'].map((w) => truth(acts, (a) => a.department === 'beta', w, sundayOf(w)).vector),
    ].map(vectorKey);
    for (const range of [{ from: '2026-11-02', to: '2026-11-15' }, single('2026-11-03'), single('2026-11-10'), {}]) {
      const a = await ask(t, cookie, range, ['alpha', 'beta']);
      const named = sum(a.stats.departments.map((d) => counters(d)));
      const vectors = [
        counters(a.stats.total),
        minus(counters(a.stats.total), named),
        ...a.stats.departments.map((d) => counters(d)),
        ...(a.stats.other ? [counters(a.stats.other)] : []),
        ...a.stats.weekly.map((w) => counters(w)),
        ...parseCsv(a.csv.departments).slice(1).map((r) => r.slice(2, 8).map(Number)),
        ...parseCsv(a.csv.weekly).slice(1).map((r) => r.slice(3, 9).map(Number)),
      ];
      for (const v of vectors) expect(beta, `${a.label}: [${v}]`).not.toContain(vectorKey(v));
      expect(a.overview).toEqual(a.stats);
      // Alpha is folded with beta to protect it, so it has no view of its own either.
      expect(a.stats.departments, a.label).toEqual([]);
      expect([...a.details.keys()], a.label).toEqual([]);
      if (a.stats.other) expect(a.stats.other.departments).toBe(2);
    }
  });
});

describe('late events: a finished week does not change when an install sends its queue late', () => {
  // An event from a week that had finished when it arrived counts on the day it arrives (rollUpEvent),
  // so a finished week, once shown, never changes: the late batch lands in the week under way.
  it('the same question asked before and after one install\'s late batch does not give that batch by difference', async () => {
    const { acts, installIds } = buildPopulation(7);
    const t = await makeTestApp({ now: NOW, config: { minGroupSize: K } });
    await seed(t, acts, installIds);
    const cookie = await signIn(t);
    const week = { from: '2026-12-07', to: '2026-12-13' };
    const whole = { from: '2026-11-02', to: '2026-12-13' };
    const before = [await ask(t, cookie, week), await ask(t, cookie, whole)];
    // engineering-15 (one of the two SREs) was offline on Friday 11 December; its extension sends the queue now.
    const late: Act[] = [
      { install: 'engineering-15', department: 'engineering', role: 'sre', surface: 'newtab', type: 'story_viewed', day: '2026-12-11', item: 'story-w5', count: 4 },
      { install: 'engineering-15', department: 'engineering', role: 'sre', surface: 'newtab', type: 'prompt_shown', day: '2026-12-11', item: 'prompt-a', count: 3 },
      { install: 'engineering-15', department: 'engineering', role: 'sre', surface: 'newtab', type: 'action_taken', day: '2026-12-11', item: 'sre-oncall', count: 1 },
    ];
    // Storing them, or refusing them because their week has closed, are both fine; changing the closed week is not.
    const headers = { 'Content-Type': 'application/json' };
    const response = await t.app.request('/api/v1/events', { method: 'POST', headers, body: JSON.stringify({ events: toEvents(late, installIds) }) }, fromAddress('192.0.2.10', headers));
    expect([200, 400, 409, 422]).toContain(response.status);
    const after = [await ask(t, cookie, week), await ask(t, cookie, whole)];
    const lateFigures = truth(late, () => true).vector;
    const derived: { how: string; v: number[] }[] = [];
    before.forEach((b, i) => {
      const a = after[i]!;
      derived.push({ how: `${a.label} total, after - before`, v: minus(counters(a.stats.total), counters(b.stats.total)) });
      for (const row of a.stats.departments) {
        const old = b.stats.departments.find((d) => d.department === row.department);
        if (old) derived.push({ how: `${a.label} ${row.department}, after - before`, v: minus(counters(row), counters(old)) });
      }
      for (const w of a.stats.weekly) {
        const old = b.stats.weekly.find((x) => x.week === w.week && x.department === w.department);
        if (old) derived.push({ how: `week ${w.week} ${w.department ?? 'other'}, after - before`, v: minus(counters(w), counters(old)) });
      }
    });
    const leaks = derived.filter((d) => vectorKey(d.v) === vectorKey(lateFigures)).map((d) => `${d.how} = [${d.v}], engineering-15's late batch`);
    expect(leaks).toEqual([]);
    // Nothing at all changed in the finished weeks.
    expect(after).toEqual(before);
  });
});

describe('finding 6: fake installs made with the enrollment key', () => {
  it('are limited per network address and day (429, nothing stored), and the dashboard shows the wave', async () => {
    const key = 'enrollment-key-in-every-browser';
    const enrolled = { Authorization: `Bearer ${key}` };
    const now = '2026-12-16T12:00:00Z';
    const t = await makeTestApp({ now, config: { minGroupSize: K, enrollmentKey: key, newInstallsPerAddressPerDay: 5 } });
    // The real company: a rollout of a few installs a week through the office's address (legal has two people).
    const real: { label: string; department: string; monday: string }[] = [
      ...['a', 'b', 'c', 'd'].map((x) => ({ label: `ops-${x}`, department: 'ops', monday: '2026-11-02' })),
      ...['e', 'f', 'g'].map((x) => ({ label: `ops-${x}`, department: 'ops', monday: '2026-11-09' })),
      ...['h', 'i', 'j', 'k'].map((x) => ({ label: `ops-${x}`, department: 'ops', monday: '2026-11-16' })),
      { label: 'legal-1', department: 'legal', monday: '2026-11-23' },
      { label: 'legal-2', department: 'legal', monday: '2026-11-23' },
      ...['l', 'm', 'n'].map((x) => ({ label: `ops-${x}`, department: 'ops', monday: '2026-11-30' })),
    ];
    const ids = new Map(real.map((r) => [r.label, uuidv7()]));
    for (const monday of [...new Set(real.map((r) => r.monday))]) {
      t.clock.set(`${addDays(monday, 1)}T10:00:00Z`);
      await post(t, real.filter((r) => r.monday === monday).map((r) => makeEvent({ installId: ids.get(r.label)!, department: r.department, role: 'member', at: `${addDays(monday, 1)}T09:00:00.000Z` })), enrolled, '192.0.2.10');
    }
    t.clock.set(now);
    const fake = (n: number) => Array.from({ length: n }, () => makeEvent({ installId: uuidv7(), department: 'legal', role: 'member', at: '2026-12-16T09:00:00.000Z' }));
    const headers = { 'Content-Type': 'application/json', ...enrolled };
    const send = (events: UsageEvent[], address: string) =>
      t.app.request('/api/v1/events', { method: 'POST', headers, body: JSON.stringify({ events }) }, fromAddress(address, headers));
    // Three addresses, five invented installs each: within the limit, so accepted (no threshold can tell them apart).
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect((await send(fake(3), address)).status).toBe(200);
      expect((await send(fake(2), address)).status).toBe(200);
      const stored = await countEvents(t.storage);
      const before = await snapshot(t);
      const refused = await send(fake(2), address);
      expect(refused.status, address).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(await countEvents(t.storage)).toBe(stored);
      expect(await snapshot(t)).toBe(before);
      // One more new install alone is refused too; a known one is not.
      expect((await send(fake(1), address)).status).toBe(429);
      expect((await send([makeEvent({ installId: ids.get('legal-1')!, department: 'legal', role: 'member', at: '2026-12-16T09:00:00.000Z' })], address)).status).toBe(200);
    }
    const cookie = await signIn(t);
    const response = await t.app.request('/api/v1/dashboard/new-installs', { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const body = NewInstallsSchema.parse(await response.json());
    expect(body.lastSevenDays).toBe(15);
    expect(body.weeks.at(-1)).toEqual({ week: '2026-12-14', count: 15, complete: false });
    expect(body.wave).toBe(true);
  });
});
