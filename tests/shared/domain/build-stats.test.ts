import { describe, expect, it } from 'vitest';
import { buildStats, type StatsInput } from '../../../shared/src/domain/build-stats';

const base: StatsInput = {
  from: '2026-11-01',
  to: '2026-11-30',
  timezone: 'UTC',
  minGroupSize: 5,
  counts: [],
  departmentInstalls: [],
  roleInstalls: [],
  totalInstalls: 0,
  otherInstalls: 0,
  otherRoleInstalls: [],
  weeklyCounts: [],
  weeklyInstalls: [],
  weeklyOtherInstalls: [],
};

describe('buildStats', () => {
  it('is empty, not missing, when nothing happened', () => {
    const stats = buildStats(base);
    expect(stats.departments).toEqual([]);
    expect(stats.other).toBeNull();
    expect(stats.weekly).toEqual([]);
    expect(stats.total).toEqual({
      activeInstalls: 0,
      storyViews: 0,
      promptsShown: 0,
      promptsInserted: 0,
      storiesInserted: 0,
      storiesShared: 0,
      actionsTaken: 0,
    });
  });

  it('folds departments below k into other, with their distinct install count, and sums the rest', () => {
    const stats = buildStats({
      ...base,
      counts: [
        { department: 'sales', role: 'sales', type: 'action_taken', count: 9 },
        { department: 'legal', role: 'legal', type: 'action_taken', count: 3 },
        { department: 'it', role: 'it', type: 'story_viewed', count: 4 },
      ],
      departmentInstalls: [
        { department: 'sales', installs: 5 },
        { department: 'legal', installs: 4 },
        { department: 'it', installs: 2 },
      ],
      roleInstalls: [
        { department: 'sales', role: 'sales', installs: 5 },
        { department: 'legal', role: 'legal', installs: 4 },
        { department: 'it', role: 'it', installs: 2 },
      ],
      totalInstalls: 10,
      otherInstalls: 5, // one install moved from legal to IT: distinct, not 6
      otherRoleInstalls: [
        { role: 'legal', installs: 4 },
        { role: 'it', installs: 2 },
      ],
    });
    expect(stats.departments.map((d) => d.department)).toEqual(['sales']);
    expect(stats.other).toEqual({
      activeInstalls: 5,
      departments: 2,
      storyViews: 4,
      promptsShown: 0,
      promptsInserted: 0,
      storiesInserted: 0,
      storiesShared: 0,
      actionsTaken: 3,
      actionsByRole: { other: 3 },
    });
    expect(stats.total).toMatchObject({ activeInstalls: 10, actionsTaken: 12, storyViews: 4 });
  });

  it('names a role inside other when the folded departments together have k installs in it', () => {
    const stats = buildStats({
      ...base,
      counts: [
        { department: 'legal', role: 'support', type: 'action_taken', count: 2 },
        { department: 'it', role: 'support', type: 'action_taken', count: 3 },
      ],
      departmentInstalls: [
        { department: 'legal', installs: 2 },
        { department: 'it', installs: 3 },
      ],
      roleInstalls: [
        { department: 'legal', role: 'support', installs: 2 },
        { department: 'it', role: 'support', installs: 3 },
      ],
      totalInstalls: 5,
      otherInstalls: 5,
      otherRoleInstalls: [{ role: 'support', installs: 5 }],
    });
    expect(stats.other?.actionsByRole).toEqual({ support: 5 });
  });
});
