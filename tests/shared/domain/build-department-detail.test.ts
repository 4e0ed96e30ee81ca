import { describe, expect, it } from 'vitest';
import { buildDepartmentDetail, type DepartmentDetailInput } from '../../../shared/src/domain/build-department-detail';

const input: DepartmentDetailInput = {
  from: '2026-11-01',
  to: '2026-11-30',
  minGroupSize: 5,
  department: 'sales',
  installs: 6,
  roleInstalls: [
    { role: 'sales', installs: 5 },
    { role: 'finance', installs: 1 },
  ],
  actionsByRole: [
    { role: 'sales', count: 9 },
    { role: 'finance', count: 2 },
  ],
  items: [
    { type: 'action_taken', itemId: 'b-action', count: 4 },
    { type: 'action_taken', itemId: 'a-action', count: 4 },
    { type: 'action_taken', itemId: 'c-action', count: 7 },
    { type: 'story_viewed', itemId: 'seen-a-lot', count: 10 },
    { type: 'story_viewed', itemId: 'shared', count: 2 },
    { type: 'story_shared', itemId: 'shared', count: 3 },
    { type: 'prompt_shown', itemId: 'want-this', count: 5 },
  ],
  surfaces: [
    { surface: 'newtab', type: 'story_viewed', count: 12 },
    { surface: 'meet', type: 'prompt_inserted', count: 2 },
    { surface: 'meet', type: 'story_inserted', count: 1 },
  ],
};

describe('buildDepartmentDetail', () => {
  it('is undefined for a department below the threshold', () => {
    expect(buildDepartmentDetail({ ...input, installs: 4 })).toBeUndefined();
  });

  it('folds small roles, ranks actions and stories, and sums surfaces', () => {
    const detail = buildDepartmentDetail(input)!;
    expect(detail.actionsByRole).toEqual({ sales: 9, other: 2 });
    expect(detail.topActions.map((a) => a.actionId)).toEqual(['c-action', 'a-action', 'b-action']);
    // Shared three times outranks seen ten times.
    expect(detail.topStories).toEqual([
      { storyId: 'shared', views: 2, inserted: 0, shared: 3 },
      { storyId: 'seen-a-lot', views: 10, inserted: 0, shared: 0 },
    ]);
    expect(detail.surfaces).toEqual([
      { surface: 'meet', storyViews: 0, promptsShown: 0, promptsInserted: 2, storiesInserted: 1, storiesShared: 0, actionsTaken: 0 },
      { surface: 'newtab', storyViews: 12, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 0 },
    ]);
  });
});
