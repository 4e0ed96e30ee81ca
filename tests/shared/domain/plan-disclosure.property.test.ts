import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStats, type CountCell, type StatsInput, type WeekFigures } from '../../../shared/src/domain/build-stats';
import type { Stats } from '../../../shared/src/schemas/stats';
import { addDays } from '../../../shared/src/domain/local-day';
import { planDisclosure, type DisclosureBucket, type DisclosurePlan } from '../../../shared/src/domain/plan-disclosure';

/**
 * The disclosure rule (plan-disclosure) against random companies and random
 * pairs of queries: every cell shown holds at least k installs (a folded
 * cell at least two groups), a group named over a range is folded in none
 * of its weeks, and the difference of two answers — for any group, for
 * "other", and (through buildStats) for roles and the total — is a sum of
 * whole weekly cells that each hold at least k installs, so it never
 * isolates fewer than k installs.
 */

/** One install's presence in a week: its group and role, and a value it adds to the figures. */
type Cell = { install: number; group: string; role: string; value: number };
type Population = { k: number; weeks: Cell[][]; a: [number, number]; b: [number, number] };

const range = (weeks: number) => fc.tuple(fc.nat(weeks - 1), fc.nat(weeks - 1)).map(([x, y]): [number, number] => [Math.min(x, y), Math.max(x, y)]);

/**
 * Companies of 1–6 groups, up to 40 installs and 8 weeks; an install is
 * absent some weeks and now and then in two groups in one week (it moved).
 */
const population: fc.Arbitrary<Population> = fc
  .record({ k: fc.integer({ min: 2, max: 6 }), groups: fc.integer({ min: 1, max: 6 }), roles: fc.integer({ min: 1, max: 3 }), installs: fc.integer({ min: 1, max: 40 }), weeks: fc.integer({ min: 1, max: 8 }) })
  .chain((p) =>
    fc.record({
      k: fc.constant(p.k),
      weeks: fc.array(
        fc.array(
          fc.record({
            home: fc.integer({ min: -1, max: p.groups - 1 }),
            // Mostly nowhere else; a quarter of the time a second group that week.
            away: fc.integer({ min: -3 * p.groups, max: p.groups - 1 }),
            role: fc.nat(p.roles - 1),
            value: fc.integer({ min: 1, max: 1000 }),
          }),
          { minLength: p.installs, maxLength: p.installs },
        ).map((installs) =>
          installs.flatMap(({ home, away, role, value }, install): Cell[] => [
            ...(home >= 0 ? [{ install, group: `g${home}`, role: `r${role}`, value }] : []),
            ...(away >= 0 && away !== home ? [{ install, group: `g${away}`, role: `r${(role + 1) % p.roles}`, value: value + 7 }] : []),
          ]),
        ),
        { minLength: p.weeks, maxLength: p.weeks },
      ),
      a: range(p.weeks),
      b: range(p.weeks),
    }),
  );

const distinct = (cells: readonly Cell[], keep: (c: Cell) => boolean) => new Set(cells.filter(keep).map((c) => c.install)).size;
const total = (cells: readonly Cell[], keep: (c: Cell) => boolean) => cells.filter(keep).reduce((s, c) => s + c.value, 0);

/** A week's groups (`of` each cell, among the cells `within` keeps) as the rule sees them. */
function bucket(cells: readonly Cell[], of: (c: Cell) => string, within: (c: Cell) => boolean = () => true): DisclosureBucket {
  const sizes = new Map<string, number>();
  for (const c of cells.filter(within)) sizes.set(of(c), distinct(cells, (d) => within(d) && of(d) === of(c)));
  return { sizes, unionSize: (groups) => distinct(cells, (c) => within(c) && groups.includes(of(c))) };
}

/** A weekly cell: one named group, or all of the week's folded groups together. */
type WeeklyCell = { week: number; groups: readonly string[] };

/**
 * What `figure` of a range is made of, week by week: the whole weekly cells
 * it sums. Fails (returns the reason) when a week's folded cell is only
 * partly in it, i.e. when it is not a sum of whole cells.
 */
function cellsOf(plan: DisclosurePlan, first: number, groups: (activeInWeek: string[]) => string[], active: (week: number) => string[]): WeeklyCell[] | string {
  const cells: WeeklyCell[] = [];
  for (const [i, split] of plan.buckets.entries()) {
    if (split.withheld) continue;
    const week = first + i;
    const inFigure = new Set(groups(active(week)));
    const folded = split.folded.filter((g) => inFigure.has(g));
    if (folded.length && folded.length !== split.folded.length) return `week ${week}: only ${folded} of the folded ${split.folded} are in the figure`;
    if (folded.length) cells.push({ week, groups: split.folded });
    for (const g of split.named) if (inFigure.has(g)) cells.push({ week, groups: [g] });
  }
  return cells;
}

const cellKey = (c: WeeklyCell) => `${c.week}:${[...c.groups].sort().join('+')}`;

describe('planDisclosure (property)', () => {
  it('shows only cells of at least k installs, names a group only if no week folds it, and two answers differ by whole cells of at least k', () => {
    fc.assert(
      fc.property(population, ({ k, weeks, a, b }) => {
        const buckets = weeks.map((cells) => bucket(cells, (c) => c.group));
        const active = (w: number) => [...buckets[w]!.sizes.keys()];
        const plans = [a, b].map(([from, to]) => planDisclosure(buckets.slice(from, to + 1), k));

        for (const [p, [from]] of [a, b].entries()) {
          const plan = plans[p]!;
          for (const [i, split] of plan.buckets.entries()) {
            const w = from + i;
            const bucketOf = buckets[w]!;
            // (a) Every cell shown has at least k installs; "other" at least two groups with k together.
            expect(new Set([...split.named, ...split.folded])).toEqual(new Set(active(w)));
            expect(split.named.filter((g) => split.folded.includes(g))).toEqual([]);
            const allSafe = active(w).length >= 2 && bucketOf.unionSize(active(w)) >= k;
            const someSmall = active(w).some((g) => bucketOf.sizes.get(g)! < k);
            // Withheld exactly when even everything folded together would not be safe.
            expect(split.withheld).toBe(someSmall && !allSafe);
            if (split.withheld) continue;
            for (const g of split.named) expect(bucketOf.sizes.get(g)).toBeGreaterThanOrEqual(k);
            if (split.folded.length) {
              expect(split.folded.length).toBeGreaterThanOrEqual(2);
              expect(bucketOf.unionSize(split.folded)).toBeGreaterThanOrEqual(k);
            }
            // (b) A group named over the range is folded in none of its weeks.
            expect(plan.named.filter((g) => split.folded.includes(g))).toEqual([]);
          }
          const kept = plan.buckets.flatMap((s, i) => (s.withheld ? [] : [from + i]));
          expect(new Set([...plan.named, ...plan.folded])).toEqual(new Set(kept.flatMap(active)));
        }
        // A week is split the same way whatever range it is part of.
        for (let w = Math.max(a[0], b[0]); w <= Math.min(a[1], b[1]); w++) {
          expect(plans[0]!.buckets[w - a[0]]).toEqual(plans[1]!.buckets[w - b[0]]);
        }

        // (c) For every group and for "other": answer A minus answer B is a signed sum of whole weekly cells, each safe.
        const groups = [...new Set(weeks.flat().map((c) => c.group))];
        const figures: { name: string; pick: (plan: DisclosurePlan) => (activeInWeek: string[]) => string[] }[] = [
          ...groups.map((g) => ({ name: g, pick: (plan: DisclosurePlan) => (act: string[]) => (plan.named.includes(g) && act.includes(g) ? [g] : []) })),
          { name: 'other', pick: (plan: DisclosurePlan) => (act: string[]) => act.filter((g) => !plan.named.includes(g)) },
        ];
        for (const figure of figures) {
          const [cellsA, cellsB] = [a, b].map(([from], p) => cellsOf(plans[p]!, from, figure.pick(plans[p]!), active));
          expect(typeof cellsA, `${figure.name} in A: ${cellsA}`).not.toBe('string');
          expect(typeof cellsB, `${figure.name} in B: ${cellsB}`).not.toBe('string');
          const coefficient = new Map<string, { cell: WeeklyCell; n: number }>();
          for (const [cells, sign] of [[cellsA, 1], [cellsB, -1]] as const) {
            for (const cell of cells as WeeklyCell[]) {
              const entry = coefficient.get(cellKey(cell)) ?? { cell, n: 0 };
              entry.n += sign;
              coefficient.set(cellKey(cell), entry);
            }
          }
          const valueOf = (cell: WeeklyCell) => total(weeks[cell.week]!, (c) => cell.groups.includes(c.group));
          const figureOf = (cells: WeeklyCell[]) => cells.reduce((s, cell) => s + valueOf(cell), 0);
          let decomposed = 0;
          for (const { cell, n } of coefficient.values()) {
            if (n === 0) continue;
            // Each cell left in the difference holds at least k installs, and a folded one at least two groups.
            expect(buckets[cell.week]!.unionSize(cell.groups), `${figure.name}: cell ${cellKey(cell)}`).toBeGreaterThanOrEqual(k);
            decomposed += n * valueOf(cell);
          }
          // The cells are what the figures are made of: the same difference, worked out from the true values.
          expect(figureOf(cellsA as WeeklyCell[]) - figureOf(cellsB as WeeklyCell[])).toBe(decomposed);
        }
      }),
      { seed: 1414, numRuns: 400 },
    );
  });
});

describe('buildStats over random companies (property)', () => {
  const MONDAY = '2026-01-05';
  const mondayOf = (w: number) => addDays(MONDAY, 7 * w);

  function weekFigures(cells: readonly Cell[], w: number): WeekFigures {
    const counts = new Map<string, CountCell>();
    for (const c of cells) {
      for (const [type, count] of [['action_taken', c.value], ['story_viewed', (c.value % 13) + 1]] as const) {
        const key = `${c.group}/${c.role}/${type}`;
        const cell = counts.get(key) ?? { department: c.group, role: c.role, type, count: 0 };
        cell.count += count;
        counts.set(key, cell);
      }
    }
    return {
      week: mondayOf(w),
      installs: distinct(cells, () => true),
      departments: bucket(cells, (c) => c.group),
      roles: (department) => bucket(cells, (c) => c.role, (c) => c.group === department),
      counts: [...counts.values()],
    };
  }
  const statsOf = (weeks: Cell[][], [from, to]: [number, number], k: number) => {
    const input: StatsInput = {
      requested: { from: mondayOf(from), to: addDays(mondayOf(to), 6) },
      timezone: 'UTC',
      minGroupSize: k,
      weeks: weeks.slice(from, to + 1).map((cells, i) => weekFigures(cells, from + i)),
    };
    return buildStats(input);
  };

  it('rows, "other", the total and role cells of two answers differ by whole weekly cells of at least k installs', () => {
    fc.assert(
      fc.property(population, ({ k, weeks, a, b }) => {
        const [A, B] = [statsOf(weeks, a, k), statsOf(weeks, b, k)];
        // Each week as its own answer shows the week's split: named departments, the rest folded together.
        const single = weeks.map((_, w) => statsOf(weeks, [w, w], k));
        const namedIn = (w: number) => single[w]!.weekly.filter((r) => r.department !== null).map((r) => r.department!);
        const withheld = (w: number) => single[w]!.withheldWeeks.length > 0;
        const groupsIn = (w: number) => [...new Set(weeks[w]!.map((c) => c.group))];
        for (const [w, s] of single.entries()) {
          if (withheld(w)) continue;
          for (const row of s.weekly) expect(row.activeInstalls, `week ${w} ${row.department}`).toBeGreaterThanOrEqual(k);
          const folded = groupsIn(w).filter((g) => !namedIn(w).includes(g));
          if (folded.length) expect(folded.length).toBeGreaterThanOrEqual(2);
        }
        /** A range answer's action count for `key` (a department, "other" or "total"), week by week as whole cells. */
        const cells = (stats: Stats, [from, to]: [number, number], key: string): string[] => {
          const named = stats.departments.map((d) => d.department);
          const out: string[] = [];
          for (let w = from; w <= to; w++) {
            if (withheld(w)) continue;
            const take = groupsIn(w).filter((g) => (key === 'total' ? true : key === 'other' ? !named.includes(g) : g === key && named.includes(g)));
            const folded = groupsIn(w).filter((g) => !namedIn(w).includes(g));
            const foldedTaken = folded.filter((g) => take.includes(g));
            expect(foldedTaken.length === 0 || foldedTaken.length === folded.length, `${key}: week ${w} folded cell split`).toBe(true);
            if (foldedTaken.length) out.push(`${w}:${[...folded].sort().join('+')}`);
            for (const g of take.filter((g) => namedIn(w).includes(g))) out.push(`${w}:${g}`);
          }
          return out;
        };
        const value = (cell: string) => {
          const [w, groups] = cell.split(':') as [string, string];
          return total(weeks[Number(w)]!, (c) => groups.split('+').includes(c.group));
        };
        const size = (cell: string) => {
          const [w, groups] = cell.split(':') as [string, string];
          return distinct(weeks[Number(w)]!, (c) => groups.split('+').includes(c.group));
        };
        const actions = (stats: Stats, key: string) =>
          key === 'total' ? stats.total.actionsTaken : key === 'other' ? (stats.other?.actionsTaken ?? 0) : (stats.departments.find((d) => d.department === key)?.actionsTaken ?? 0);
        const keys = ['total', 'other', ...new Set(weeks.flat().map((c) => c.group))];
        for (const key of keys) {
          const [inA, inB] = [cells(A, a, key), cells(B, b, key)];
          const left = [...inA.filter((c) => !inB.includes(c)), ...inB.filter((c) => !inA.includes(c))];
          for (const cell of left) expect(size(cell), `${key}: ${cell}`).toBeGreaterThanOrEqual(k);
          const sum = (list: string[]) => list.reduce((s, c) => s + value(c), 0);
          expect(actions(A, key), `${key} in A`).toBe(sum(inA));
          expect(actions(A, key) - actions(B, key), key).toBe(sum(inA) - sum(inB));
        }
        // Roles inside a named department: a role named over a range is named in each week's own answer.
        for (const [stats, [from, to]] of [[A, a], [B, b]] as const) {
          for (const row of stats.departments) {
            for (const role of Object.keys(row.actionsByRole).filter((r) => r !== 'other')) {
              for (let w = from; w <= to; w++) {
                if (withheld(w)) continue;
                const present = weeks[w]!.some((c) => c.group === row.department && c.role === role);
                if (!present) continue;
                expect(distinct(weeks[w]!, (c) => c.group === row.department && c.role === role)).toBeGreaterThanOrEqual(k);
                expect(Object.keys(single[w]!.departments.find((d) => d.department === row.department)?.actionsByRole ?? {})).toContain(role);
              }
            }
            const rolesFolded = new Set<string>();
            for (let w = from; w <= to; w++) {
              if (withheld(w)) continue;
              const weekRow = single[w]!.departments.find((d) => d.department === row.department);
              const inDept = weeks[w]!.filter((c) => c.group === row.department);
              if (!inDept.length) continue;
              // Named over the range, so named in each of its weeks where it was active.
              expect(weekRow, `${row.department} in week ${w}`).toBeDefined();
              const folded = [...new Set(inDept.map((c) => c.role))].filter((r) => !(weekRow && r in weekRow.actionsByRole && r !== 'other'));
              // A week's folded roles: none, or at least two with at least k installs together.
              if (folded.length) {
                expect(folded.length, `${row.department} week ${w} roles ${folded}`).toBeGreaterThanOrEqual(2);
                expect(distinct(inDept, (c) => folded.includes(c.role))).toBeGreaterThanOrEqual(k);
              }
              folded.forEach((r) => rolesFolded.add(r));
            }
            for (const r of rolesFolded) expect(Object.keys(row.actionsByRole)).not.toContain(r);
          }
        }
      }),
      { seed: 2026, numRuns: 300 },
    );
  });
});
