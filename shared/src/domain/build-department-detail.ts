import { OTHER_ROLE } from '../schemas/role';
import type { DepartmentDetail } from '../schemas/department-detail';
import type { EventType, Surface } from '../schemas/usage-event';
import { COUNTER_OF } from './build-stats';

export type DepartmentDetailInput = {
  from: string;
  to: string;
  minGroupSize: number;
  department: string;
  installs: number;
  roleInstalls: { role: string; installs: number }[];
  actionsByRole: { role: string; count: number }[];
  items: { type: EventType; itemId: string; count: number }[];
  surfaces: { surface: Surface; type: EventType; count: number }[];
};

const TOP = 10;

/**
 * One department in depth, or undefined when it has fewer than
 * `minGroupSize` active installs (it must not be shown on its own).
 */
export function buildDepartmentDetail(input: DepartmentDetailInput): DepartmentDetail | undefined {
  if (input.installs < input.minGroupSize) return undefined;
  const roleInstalls = new Map(input.roleInstalls.map((r) => [r.role, r.installs]));
  const actionsByRole: Record<string, number> = {};
  for (const { role, count } of input.actionsByRole) {
    const key = (roleInstalls.get(role) ?? 0) >= input.minGroupSize && role !== OTHER_ROLE ? role : OTHER_ROLE;
    actionsByRole[key] = (actionsByRole[key] ?? 0) + count;
  }

  const topActions = input.items
    .filter((i) => i.type === 'action_taken')
    .map((i) => ({ actionId: i.itemId, count: i.count }))
    .sort((a, b) => b.count - a.count || a.actionId.localeCompare(b.actionId))
    .slice(0, TOP);

  const stories = new Map<string, { storyId: string; views: number; inserted: number; shared: number }>();
  for (const item of input.items) {
    const field = item.type === 'story_viewed' ? 'views' : item.type === 'story_inserted' ? 'inserted' : item.type === 'story_shared' ? 'shared' : undefined;
    if (!field) continue;
    const story = stories.get(item.itemId) ?? { storyId: item.itemId, views: 0, inserted: 0, shared: 0 };
    story[field] += item.count;
    stories.set(item.itemId, story);
  }
  // Inserting or sharing a story is a stronger sign of engagement than seeing it.
  const engagement = (s: { views: number; inserted: number; shared: number }) => s.views + 3 * (s.inserted + s.shared);
  const topStories = [...stories.values()]
    .sort((a, b) => engagement(b) - engagement(a) || a.storyId.localeCompare(b.storyId))
    .slice(0, TOP);

  const surfaces = new Map<Surface, DepartmentDetail['surfaces'][number]>();
  for (const { surface, type, count } of input.surfaces) {
    const row = surfaces.get(surface) ?? {
      surface,
      storyViews: 0,
      promptsShown: 0,
      promptsInserted: 0,
      storiesInserted: 0,
      storiesShared: 0,
      actionsTaken: 0,
    };
    row[COUNTER_OF[type]] += count;
    surfaces.set(surface, row);
  }

  return {
    from: input.from,
    to: input.to,
    minGroupSize: input.minGroupSize,
    department: input.department,
    activeInstalls: input.installs,
    actionsByRole,
    topActions,
    surfaces: [...surfaces.values()].sort((a, b) => a.surface.localeCompare(b.surface)),
    topStories,
  };
}
