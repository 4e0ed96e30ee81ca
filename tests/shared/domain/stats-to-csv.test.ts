import { describe, expect, it } from 'vitest';
import { buildStats, emptyCounters } from '../../../shared/src/domain/build-stats';
import { OTHER_LABEL, statsToCsv, TOTAL_LABEL } from '../../../shared/src/domain/stats-to-csv';
import type { Stats } from '../../../shared/src/schemas/stats';

/** A week in which every group named in `sizes` had that many installs (none of them in two groups). */
const group = (sizes: Record<string, number>) => ({
  sizes: new Map(Object.entries(sizes)),
  unionSize: (groups: readonly string[]) => groups.reduce((n, g) => n + (sizes[g] ?? 0), 0),
});

describe('statsToCsv', () => {
  it('quotes cells that need it and defuses spreadsheet formulas', () => {
    const stats = buildStats({
      requested: { from: '2026-11-01', to: '2026-11-30' },
      timezone: 'UTC',
      minGroupSize: 1,
      weeks: [
        {
          week: '2026-11-02',
          installs: 1,
          departments: group({ '=cmd': 1 }),
          roles: () => group({ 'a,b': 1 }),
          counts: [{ department: '=cmd', role: 'a,b', type: 'action_taken', count: 1 }],
        },
      ],
    });
    const lines = statsToCsv(stats).split('\r\n');
    expect(lines[2]).toBe(`'=cmd,1,0,0,0,0,0,1,"a,b=1"`);
    expect(statsToCsv(stats).endsWith('\r\n')).toBe(true);
  });

  it('says a range row holds weekly average installs, and gives the total, named departments and other', () => {
    const stats: Stats = {
      requested: { from: '2026-11-03', to: '2026-11-12' },
      from: '2026-11-02',
      to: '2026-11-15',
      weeks: 2,
      withheldWeeks: [],
      timezone: 'UTC',
      minGroupSize: 5,
      total: { ...emptyCounters(12.5), actionsTaken: 20 },
      departments: [{ department: 'sales', ...emptyCounters(7.5), actionsTaken: 14, actionsByRole: { sales: 10, other: 4 } }],
      other: { ...emptyCounters(5), actionsTaken: 6, departments: 2 },
      weekly: [
        { week: '2026-11-02', department: 'sales', ...emptyCounters(7), actionsTaken: 8 },
        { week: '2026-11-02', department: null, ...emptyCounters(5), actionsTaken: 3 },
      ],
    };
    expect(statsToCsv(stats).split('\r\n')).toEqual([
      'department,weeklyActiveInstalls,storyViews,promptsShown,promptsInserted,storiesInserted,storiesShared,actionsTaken,actionsByRole',
      `${TOTAL_LABEL},12.5,0,0,0,0,0,20,`,
      'sales,7.5,0,0,0,0,0,14,other=4; sales=10',
      `${OTHER_LABEL},5,0,0,0,0,0,6,`,
      '',
    ]);
    expect(statsToCsv(stats, 'weekly').split('\r\n')).toEqual([
      'week,department,activeInstalls,storyViews,promptsShown,promptsInserted,storiesInserted,storiesShared,actionsTaken',
      '2026-11-02,sales,7,0,0,0,0,0,8',
      `2026-11-02,${OTHER_LABEL},5,0,0,0,0,0,3`,
      '',
    ]);
  });
});
