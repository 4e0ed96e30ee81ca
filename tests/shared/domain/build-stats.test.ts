import { describe, expect, it } from 'vitest';
import { buildStats, planStats, weeklyAverage, type CountCell, type StatsInput, type WeekFigures } from '../../../shared/src/domain/build-stats';

type Member = { install: string; department: string; role: string };

/**
 * One week's figures from who was active where: sizes and union sizes
 * worked out from sets of install ids (as the roll-ups give them), and one
 * action_taken per member unless `counts` says otherwise.
 */
function week(monday: string, members: Member[], counts?: CountCell[]): WeekFigures {
  const installsWhere = (keep: (m: Member) => boolean) => new Set(members.filter(keep).map((m) => m.install));
  const bucket = (of: (m: Member) => string, within: (m: Member) => boolean) => {
    const sizes = new Map<string, number>();
    for (const m of members.filter(within)) sizes.set(of(m), installsWhere((n) => within(n) && of(n) === of(m)).size);
    return { sizes, unionSize: (groups: readonly string[]) => installsWhere((m) => within(m) && groups.includes(of(m))).size };
  };
  const tally = new Map<string, CountCell>();
  for (const m of members) {
    const key = `${m.department}/${m.role}`;
    const cell = tally.get(key) ?? { department: m.department, role: m.role, type: 'action_taken' as const, count: 0 };
    cell.count++;
    tally.set(key, cell);
  }
  return {
    week: monday,
    installs: installsWhere(() => true).size,
    departments: bucket((m) => m.department, () => true),
    roles: (department) => bucket((m) => m.role, (m) => m.department === department),
    counts: counts ?? [...tally.values()],
  };
}

/** `n` members of a department and role, install ids `<prefix>0`… */
const people = (prefix: string, n: number, department: string, role = department): Member[] =>
  Array.from({ length: n }, (_, i) => ({ install: `${prefix}${i}`, department, role }));

const input = (weeks: WeekFigures[], minGroupSize = 5): StatsInput => ({
  requested: { from: '2026-11-01', to: '2026-11-30' },
  timezone: 'UTC',
  minGroupSize,
  weeks,
});

const zero = { storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0 };

describe('buildStats', () => {
  it('is empty, not missing, when no week has finished yet: the request is echoed as the span', () => {
    const stats = buildStats(input([]));
    expect(stats).toMatchObject({ requested: { from: '2026-11-01', to: '2026-11-30' }, from: '2026-11-01', to: '2026-11-30', weeks: 0, withheldWeeks: [] });
    expect(stats.departments).toEqual([]);
    expect(stats.other).toBeNull();
    expect(stats.weekly).toEqual([]);
    expect(stats.total).toEqual({ activeInstalls: 0, ...zero, actionsTaken: 0 });
  });

  it('covers its weeks Monday to Sunday, and names departments of at least k installs every week', () => {
    const stats = buildStats(input([week('2026-11-02', [...people('s', 5, 'sales'), ...people('l', 9, 'legal')]), week('2026-11-09', [...people('s', 6, 'sales'), ...people('l', 9, 'legal')])]));
    expect(stats).toMatchObject({ from: '2026-11-02', to: '2026-11-15', weeks: 2, withheldWeeks: [] });
    expect(stats.departments).toEqual([
      { department: 'legal', activeInstalls: 9, ...zero, actionsTaken: 18, actionsByRole: { legal: 18 } },
      { department: 'sales', activeInstalls: 5.5, ...zero, actionsTaken: 11, actionsByRole: { sales: 11 } },
    ]);
    expect(stats.other).toBeNull();
    expect(stats.total).toMatchObject({ activeInstalls: 14.5, actionsTaken: 29 });
  });

  it('folds a named department of 6 with a lone small one of 2: other holds two departments (issue 14, finding 2)', () => {
    const stats = buildStats(input([week('2026-11-02', [...people('s', 6, 'sales'), ...people('l', 2, 'legal')])]));
    expect(stats.departments).toEqual([]);
    expect(stats.other).toEqual({ activeInstalls: 8, departments: 2, ...zero, actionsTaken: 8 });
    // The weekly row is the folded pair too, never the small department alone (finding 3).
    expect(stats.weekly).toEqual([{ week: '2026-11-02', department: null, activeInstalls: 8, ...zero, actionsTaken: 8 }]);
  });

  it('names the large department when the small ones together reach k, and other is total minus named', () => {
    const stats = buildStats(
      input([
        week('2026-11-02', [...people('s', 6, 'sales'), ...people('l', 2, 'legal'), ...people('i', 2, 'it'), ...people('h', 1, 'hr')], [
          { department: 'sales', role: 'sales', type: 'action_taken', count: 9 },
          { department: 'legal', role: 'legal', type: 'action_taken', count: 3 },
          { department: 'it', role: 'it', type: 'story_viewed', count: 4 },
          { department: 'hr', role: 'hr', type: 'prompt_shown', count: 1 },
        ]),
      ]),
    );
    expect(stats.departments.map((d) => [d.department, d.activeInstalls, d.actionsTaken])).toEqual([['sales', 6, 9]]);
    expect(stats.other).toEqual({ activeInstalls: 5, departments: 3, ...zero, storyViews: 4, promptsShown: 1, actionsTaken: 3 });
    expect(stats.total).toMatchObject({ activeInstalls: 11, actionsTaken: 12, storyViews: 4, promptsShown: 1 });
  });

  it('counts an install that moved between folded departments once in other', () => {
    const mover = { install: 'm', department: 'it', role: 'it' };
    const stats = buildStats(input([week('2026-11-02', [...people('s', 6, 'sales'), ...people('l', 3, 'legal'), ...people('i', 2, 'it'), mover, { ...mover, department: 'legal' }])]));
    // legal 4 and it 3, but m is in both: 6 distinct, and the company 12.
    expect(stats.other).toMatchObject({ activeInstalls: 6, departments: 2 });
    expect(stats.total.activeInstalls).toBe(12);
  });

  it('does not name over the range a department folded in any of its weeks, and shows each week as that week splits it', () => {
    const stats = buildStats(
      input([
        week('2026-11-02', [...people('s', 6, 'sales'), ...people('l', 6, 'legal'), ...people('i', 6, 'it')]),
        // it is small: legal (smallest named, before sales by id) is folded with it.
        week('2026-11-09', [...people('s', 6, 'sales'), ...people('l', 6, 'legal'), ...people('i', 2, 'it')]),
      ]),
    );
    expect(stats.departments.map((d) => d.department)).toEqual(['sales']);
    expect(stats.other).toMatchObject({ departments: 2, activeInstalls: 10, actionsTaken: 20 });
    expect(stats.weekly.map((w) => [w.week, w.department, w.activeInstalls])).toEqual([
      ['2026-11-02', 'it', 6],
      ['2026-11-02', 'legal', 6],
      ['2026-11-02', 'sales', 6],
      ['2026-11-09', 'sales', 6],
      ['2026-11-09', null, 8],
    ]);
  });

  it('withholds a week whose whole company is too few: in no figure, listed as withheld', () => {
    const stats = buildStats(
      input([
        week('2026-11-02', [...people('s', 6, 'sales'), ...people('l', 5, 'legal')]),
        week('2026-11-09', [...people('l', 2, 'legal'), ...people('i', 1, 'it')]),
        week('2026-11-16', [...people('s', 7, 'sales'), ...people('l', 5, 'legal')]),
      ]),
    );
    expect(stats).toMatchObject({ from: '2026-11-02', to: '2026-11-22', weeks: 3, withheldWeeks: ['2026-11-09'] });
    // Averages over the two weeks shown; it, active only in the withheld week, is nowhere.
    expect(stats.total).toMatchObject({ activeInstalls: 11.5, actionsTaken: 23 });
    expect(stats.departments.map((d) => [d.department, d.activeInstalls])).toEqual([
      ['legal', 5],
      ['sales', 6.5],
    ]);
    expect(stats.other).toBeNull();
    expect(stats.weekly.map((w) => w.week)).not.toContain('2026-11-09');
    expect(JSON.stringify(stats)).not.toContain('"it"');
  });

  it('averages weekly installs to one decimal over the weeks anyone was active, a week without the department counting as 0', () => {
    expect(weeklyAverage(16, 3)).toBe(5.3);
    expect(weeklyAverage(0, 0)).toBe(0);
    const stats = buildStats(
      input([
        week('2026-11-02', people('s', 5, 'sales')),
        week('2026-11-09', [...people('s', 5, 'sales'), ...people('l', 5, 'legal')]),
        week('2026-11-16', people('l', 6, 'legal')),
        // Nobody yet (before the roll-out, say): not a week of zeros in the averages.
        week('2026-11-23', []),
      ]),
    );
    expect(stats.weeks).toBe(4);
    expect(stats.departments.map((d) => [d.department, d.activeInstalls])).toEqual([
      ['legal', 3.7],
      ['sales', 3.3],
    ]);
    expect(stats.total.activeInstalls).toBe(7);
    expect(stats.weekly.map((w) => [w.week, w.department, w.activeInstalls])).toEqual([
      ['2026-11-02', 'sales', 5],
      ['2026-11-09', 'legal', 5],
      ['2026-11-09', 'sales', 5],
      ['2026-11-16', 'legal', 6],
    ]);
  });

  it('folds small roles inside a named department into "other" only when they reach k together', () => {
    const stats = buildStats(input([week('2026-11-02', [...people('e', 6, 'engineering'), ...people('l', 2, 'engineering', 'legal'), ...people('i', 3, 'engineering', 'it')])]));
    expect(stats.departments[0]!.actionsByRole).toEqual({ engineering: 6, other: 5 });
  });

  it('folds the only large role with a lone small one, so "other" is never one person’s role (finding 5)', () => {
    const stats = buildStats(input([week('2026-11-02', [...people('e', 6, 'engineering'), ...people('l', 1, 'engineering', 'legal')])]));
    expect(stats.departments[0]!.actionsByRole).toEqual({ other: 7 });
    expect(planStats(input([week('2026-11-02', [...people('e', 6, 'engineering'), ...people('l', 1, 'engineering', 'legal')])])).roles.get('engineering')).toMatchObject({
      named: [],
      folded: ['engineering', 'legal'],
    });
  });

  it('names a role only if it was named in every week shown, and always folds the role id "other"', () => {
    const stats = buildStats(
      input([
        week('2026-11-02', [...people('a', 5, 'sales'), ...people('b', 5, 'sales', 'finance'), ...people('c', 5, 'sales', 'other')]),
        week('2026-11-09', [...people('a', 5, 'sales'), ...people('b', 2, 'sales', 'finance'), ...people('c', 5, 'sales', 'other')]),
      ]),
    );
    // "other" may not be shown alone: week 1 folds finance (5) with it, week 2 finance (2) anyway; sales stays named.
    expect(stats.departments[0]!.actionsByRole).toEqual({ sales: 10, other: 17 });
  });

  it('shows a department whose roles are all too few as one "other" role (a withheld role split is folded, not dropped)', () => {
    const stats = buildStats(input([week('2026-11-02', people('c', 6, 'sales', 'other'))]));
    expect(stats.departments).toEqual([{ department: 'sales', activeInstalls: 6, ...zero, actionsTaken: 6, actionsByRole: { other: 6 } }]);
  });

  it('echoes the request, the time zone and k', () => {
    const stats = buildStats({ ...input([week('2026-11-02', people('s', 5, 'sales'))]), timezone: 'Europe/Paris', requested: { from: '2026-11-04', to: '2026-11-04' } });
    expect(stats).toMatchObject({ requested: { from: '2026-11-04', to: '2026-11-04' }, from: '2026-11-02', to: '2026-11-08', timezone: 'Europe/Paris', minGroupSize: 5 });
  });
});
