import { describe, expect, it } from 'vitest';
import { buildStats } from '../../../shared/src/domain/build-stats';
import { statsToCsv } from '../../../shared/src/domain/stats-to-csv';

describe('statsToCsv', () => {
  it('quotes cells that need it and defuses spreadsheet formulas', () => {
    const stats = buildStats({
      from: '2026-11-01',
      to: '2026-11-30',
      timezone: 'UTC',
      minGroupSize: 1,
      counts: [{ department: '=cmd', role: 'a,b', type: 'action_taken', count: 1 }],
      departmentInstalls: [{ department: '=cmd', installs: 1 }],
      roleInstalls: [{ department: '=cmd', role: 'a,b', installs: 1 }],
      totalInstalls: 1,
      otherInstalls: 0,
      otherRoleInstalls: [],
      weeklyCounts: [],
      weeklyInstalls: [],
      weeklyOtherInstalls: [],
    });
    const lines = statsToCsv(stats).split('\r\n');
    expect(lines[2]).toBe(`'=cmd,1,0,0,0,0,0,1,"a,b=1"`);
    expect(statsToCsv(stats).endsWith('\r\n')).toBe(true);
  });
});
