import { OTHER_SURFACE, type DepartmentDetail } from '../schemas/department-detail';
import type { DepartmentStats } from '../schemas/stats';
import type { UsageEventType as EventType, Surface } from '../schemas/usage-event';
import { COUNTER_OF } from './build-stats';
import { planDisclosure, withCountedGroups, type DisclosureBucket } from './plan-disclosure';

/** One department's roll-ups in one whole week the stats kept. */
export type DepartmentWeek = {
  week: string;
  /** Distinct installs per surface, and across any set of surfaces. */
  surfaces: DisclosureBucket;
  /** Distinct installs of one role per action id, and across any set of its actions. */
  actions: (role: string) => DisclosureBucket;
  surfaceCounts: { surface: Surface; type: EventType; count: number }[];
  actionCounts: { role: string; actionId: string; count: number }[];
  /** Distinct installs that saw or used each story (up to a cap: a lower bound), and across any set of stories. */
  stories: DisclosureBucket;
  /** Stories (and prompts, actions) by id. */
  items: { type: EventType; itemId: string; count: number }[];
};

export type DepartmentDetailInput = {
  from: string;
  to: string;
  weeks: number;
  minGroupSize: number;
  /** The department's row in the stats for the same range: present only when they name it. */
  row: DepartmentStats | undefined;
  /** The roles the stats name inside it. */
  namedRoles: readonly string[];
  /** The weeks the stats kept (not withheld). */
  kept: DepartmentWeek[];
};

const TOP = 10;

/**
 * One department in depth, or undefined when the stats for the same range
 * do not name it. Surfaces and actions are split per week by the same rule
 * as departments and roles (plan-disclosure): a surface, action or story
 * is shown on its own only when at least k installs used it in every week,
 * the rest together (surfaces) or not listed (actions, stories); an action
 * only under a role the stats name.
 */
export function buildDepartmentDetail(input: DepartmentDetailInput): DepartmentDetail | undefined {
  const { row, minGroupSize, kept } = input;
  if (!row) return undefined;

  const surfacePlan = planDisclosure(
    kept.map((w) => withCountedGroups(w.surfaces, w.surfaceCounts.map((c) => c.surface))),
    minGroupSize,
    { withheld: 'fold' },
  );
  const namedSurfaces = new Set(surfacePlan.named);
  const surfaces = new Map<string, DepartmentDetail['surfaces'][number]>();
  for (const week of kept) {
    for (const { surface, type, count } of week.surfaceCounts) {
      const key = namedSurfaces.has(surface) ? surface : OTHER_SURFACE;
      const entry = surfaces.get(key) ?? { surface: key as Surface, storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 0 };
      entry[COUNTER_OF[type]] += count;
      surfaces.set(key, entry);
    }
  }

  const topActions: DepartmentDetail['topActions'] = [];
  for (const role of input.namedRoles) {
    const plan = planDisclosure(
      kept.map((w) => withCountedGroups(w.actions(role), w.actionCounts.filter((c) => c.role === role).map((c) => c.actionId))),
      minGroupSize,
      { withheld: 'fold' },
    );
    const named = new Set(plan.named);
    const counts = new Map<string, number>();
    for (const week of kept) {
      for (const c of week.actionCounts) if (c.role === role && named.has(c.actionId)) counts.set(c.actionId, (counts.get(c.actionId) ?? 0) + c.count);
    }
    for (const [actionId, count] of counts) topActions.push({ actionId, role, count });
  }
  topActions.sort((a, b) => b.count - a.count || a.actionId.localeCompare(b.actionId));

  const isStory = (type: EventType) => type === 'story_viewed' || type === 'story_inserted' || type === 'story_shared';
  const storyPlan = planDisclosure(
    kept.map((w) => withCountedGroups(w.stories, w.items.filter((i) => isStory(i.type)).map((i) => i.itemId))),
    minGroupSize,
    { withheld: 'fold' },
  );
  const namedStories = new Set(storyPlan.named);
  const stories = new Map<string, { storyId: string; views: number; inserted: number; shared: number }>();
  for (const week of kept) {
    for (const item of week.items) {
      if (!namedStories.has(item.itemId)) continue;
      const field = item.type === 'story_viewed' ? 'views' : item.type === 'story_inserted' ? 'inserted' : item.type === 'story_shared' ? 'shared' : undefined;
      if (!field) continue;
      const story = stories.get(item.itemId) ?? { storyId: item.itemId, views: 0, inserted: 0, shared: 0 };
      story[field] += item.count;
      stories.set(item.itemId, story);
    }
  }
  // Inserting or sharing a story is a stronger sign of engagement than seeing it.
  const engagement = (s: { views: number; inserted: number; shared: number }) => s.views + 3 * (s.inserted + s.shared);
  const topStories = [...stories.values()].sort((a, b) => engagement(b) - engagement(a) || a.storyId.localeCompare(b.storyId)).slice(0, TOP);

  return {
    from: input.from,
    to: input.to,
    weeks: input.weeks,
    minGroupSize,
    department: row.department,
    activeInstalls: row.activeInstalls,
    actionsByRole: row.actionsByRole,
    topActions: topActions.slice(0, TOP),
    // Named surfaces by name, "other" last.
    surfaces: [...surfaces.values()].sort((a, b) => Number(a.surface === OTHER_SURFACE) - Number(b.surface === OTHER_SURFACE) || a.surface.localeCompare(b.surface)),
    topStories,
  };
}
