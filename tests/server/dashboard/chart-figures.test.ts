import { describe, expect, it } from 'vitest';
import { chartFigures, OTHER } from '../../../server/dashboard/src/chart-figures';
import type { WeeklyStats } from '../../../shared/src/schemas/stats';

const counters = { activeInstalls: 0, storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 0 };
const row = (week: string, department: string | null, activeInstalls: number): WeeklyStats => ({ ...counters, week, department, activeInstalls });
const NAMES = new Map([
  ['sales', { id: 'sales', name: 'Sales' }],
  ['people', { id: 'people', name: 'People Operations' }],
]);

describe('chartFigures', () => {
  it('gives every week of the period a point, one series per department by name, Other last', () => {
    const figures = chartFigures([row('2026-11-02', 'sales', 12), row('2026-11-09', 'sales', 14), row('2026-11-09', null, 6)], 'activeInstalls', NAMES, '2026-11-02', '2026-11-15');
    expect(figures.weeks).toEqual(['2026-11-02', '2026-11-09']);
    expect(figures.series.map(figures.label)).toEqual(['Sales', OTHER]);
    expect(figures.values).toEqual([
      [12, 14],
      [null, 6],
    ]);
  });

  it('leaves a gap, never a 0, in a week a department was folded into Other or the company withheld', () => {
    // People Operations had too few active installs in the week of 9 Nov: folded (with another department) into Other.
    const weekly = [row('2026-11-02', 'people', 6), row('2026-11-02', 'sales', 12), row('2026-11-09', 'sales', 13), row('2026-11-09', null, 7), row('2026-11-16', 'people', 5), row('2026-11-16', 'sales', 12)];
    const figures = chartFigures(weekly, 'activeInstalls', NAMES, '2026-11-02', '2026-11-29');
    const people = figures.values[figures.series.indexOf('people')]!;
    expect(people).toEqual([6, null, 5, null]);
    // The last week has no figures at all (withheld, or not finished): nobody's line is drawn as 0 there.
    expect(figures.values.map((column) => column[3])).toEqual([null, null, null]);
  });
});
