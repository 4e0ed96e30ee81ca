import { describe, expect, it } from 'vitest';
import { buildDepartmentDetail, type DepartmentDetailInput, type DepartmentWeek } from '../../../shared/src/domain/build-department-detail';
import type { DisclosureBucket } from '../../../shared/src/domain/plan-disclosure';
import type { DepartmentStats } from '../../../shared/src/schemas/stats';

/** A bucket from the installs in each group. */
function bucket(members: Record<string, string[]>): DisclosureBucket {
  return {
    sizes: new Map(Object.entries(members).map(([group, installs]) => [group, new Set(installs).size])),
    unionSize: (groups) => new Set(groups.flatMap((group) => members[group] ?? [])).size,
  };
}
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** One week of the department: who used each surface, who logged each action under each role, who saw or used each story, and the counts. */
function week(
  monday: string,
  surfaces: Record<string, string[]>,
  actions: Record<string, Record<string, string[]>>,
  extra: Partial<Pick<DepartmentWeek, 'surfaceCounts' | 'items'>> & { stories?: Record<string, string[]> } = {},
): DepartmentWeek {
  return {
    week: monday,
    surfaces: bucket(surfaces),
    actions: (role) => bucket(actions[role] ?? {}),
    stories: bucket(extra.stories ?? {}),
    // One story view per install on each surface it used, one count per install and action.
    surfaceCounts: extra.surfaceCounts ?? Object.entries(surfaces).map(([surface, installs]) => ({ surface: surface as never, type: 'story_viewed' as const, count: installs.length })),
    actionCounts: Object.entries(actions).flatMap(([role, byAction]) => Object.entries(byAction).map(([actionId, installs]) => ({ role, actionId, count: installs.length }))),
    items: extra.items ?? [],
  };
}

const row: DepartmentStats = {
  department: 'sales',
  activeInstalls: 9.5,
  storyViews: 0,
  promptsShown: 0,
  promptsInserted: 0,
  storiesInserted: 0,
  storiesShared: 0,
  actionsTaken: 0,
  actionsByRole: { sales: 14, other: 3 },
};

const input = (kept: DepartmentWeek[], namedRoles: string[] = ['sales']): DepartmentDetailInput => ({
  from: '2026-11-02',
  to: '2026-11-15',
  weeks: 2,
  minGroupSize: 5,
  row,
  namedRoles,
  kept,
});

const views = (storyViews: number) => ({ storyViews, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 0 });

describe('buildDepartmentDetail', () => {
  it('is undefined when the stats for the same range do not name the department', () => {
    expect(buildDepartmentDetail({ ...input([]), row: undefined })).toBeUndefined();
  });

  it('takes the covered weeks, the average installs and the roles from the stats row', () => {
    const detail = buildDepartmentDetail(input([]))!;
    expect(detail).toEqual({
      from: '2026-11-02',
      to: '2026-11-15',
      weeks: 2,
      minGroupSize: 5,
      department: 'sales',
      activeInstalls: 9.5,
      actionsByRole: { sales: 14, other: 3 },
      topActions: [],
      surfaces: [],
      topStories: [],
    });
  });

  it('names a surface used by k installs every week, and puts the rest together as "other", last', () => {
    const detail = buildDepartmentDetail(
      input([
        week('2026-11-02', { newtab: ids('a', 9), meet: ids('a', 2), zoom: ids('z', 3), popup: ids('a', 6) }, {}),
        // popup is small this week: folded over the range.
        week('2026-11-09', { newtab: ids('a', 9), meet: ids('m', 3), zoom: ids('z', 3), popup: ids('a', 1) }, {}),
      ]),
    )!;
    expect(detail.surfaces).toEqual([
      { surface: 'newtab', ...views(18) },
      { surface: 'other', ...views(2 + 3 + 6 + 3 + 3 + 1) },
    ]);
  });

  it('folds the only large surface with a lone small one, so "other" is never one person (finding 5)', () => {
    const detail = buildDepartmentDetail(input([week('2026-11-02', { newtab: ids('a', 9), meet: ['a0'] }, {})]))!;
    expect(detail.surfaces).toEqual([{ surface: 'other', ...views(10) }]);
  });

  it('folds surfaces counted in weeks with no installs known per surface (before install_cells), even a large one', () => {
    const old = week('2026-11-02', {}, {}, { surfaceCounts: [{ surface: 'newtab', type: 'story_viewed', count: 40 }] });
    const detail = buildDepartmentDetail(input([old, week('2026-11-09', { newtab: ids('a', 9), popup: ids('a', 5) }, {})]))!;
    expect(detail.surfaces).toEqual([
      { surface: 'popup', ...views(5) },
      { surface: 'other', ...views(49) },
    ]);
  });

  it('lists an action under its role only when the role is named and k installs logged it every week, most logged first', () => {
    const detail = buildDepartmentDetail(
      input(
        [
          week('2026-11-02', { newtab: ids('a', 9) }, {
            sales: { 'sales-call': ids('a', 6), 'sales-demo': ids('a', 5), 'sales-lost': ids('l', 3), 'sales-won': ids('w', 2) },
            finance: { 'finance-close': ids('f', 5) },
          }),
          week('2026-11-09', { newtab: ids('a', 9) }, {
            sales: { 'sales-call': ids('a', 7), 'sales-demo': ids('a', 5), 'sales-lost': ids('l', 2), 'sales-won': ids('w', 3) },
            finance: { 'finance-close': ids('f', 6) },
          }),
        ],
        ['sales'],
      ),
    )!;
    // finance is not a named role: its actions would name it, so none is listed (finding 5).
    expect(detail.topActions).toEqual([
      { actionId: 'sales-call', role: 'sales', count: 13 },
      { actionId: 'sales-demo', role: 'sales', count: 10 },
    ]);
  });

  it('lists no action of a role whose only large action would be "other" with one small one', () => {
    const detail = buildDepartmentDetail(input([week('2026-11-02', { newtab: ids('a', 9) }, { sales: { 'sales-call': ids('a', 8), 'sales-rare': ['a0'] } })]))!;
    expect(detail.topActions).toEqual([]);
  });

  it('orders actions of equal count by id, across roles, and keeps ten', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`act-${String.fromCharCode(108 - i)}`, ids('a', 5)]));
    const detail = buildDepartmentDetail(input([week('2026-11-02', { newtab: ids('a', 9) }, { sales: many, support: { 'act-a': ids('a', 5) } })], ['sales', 'support']))!;
    expect(detail.topActions).toHaveLength(10);
    expect(detail.topActions.slice(0, 3)).toEqual([
      { actionId: 'act-a', role: 'sales', count: 5 },
      { actionId: 'act-a', role: 'support', count: 5 },
      { actionId: 'act-b', role: 'sales', count: 5 },
    ]);
  });

  it('ranks stories by engagement over the weeks: shared three times outranks seen ten times', () => {
    const detail = buildDepartmentDetail({
      // Two installs per story every week is enough here: this test is about the order.
      ...input([
        week('2026-11-02', {}, {}, {
          stories: { 'seen-a-lot': ids('a', 6), shared: ids('s', 2) },
          items: [
            { type: 'story_viewed', itemId: 'seen-a-lot', count: 6 },
            { type: 'story_viewed', itemId: 'shared', count: 2 },
            { type: 'story_shared', itemId: 'shared', count: 1 },
            { type: 'prompt_shown', itemId: 'want-this', count: 5 },
          ],
        }),
        week('2026-11-09', {}, {}, {
          stories: { 'seen-a-lot': ids('a', 4), shared: ids('s', 2) },
          items: [
            { type: 'story_viewed', itemId: 'seen-a-lot', count: 4 },
            { type: 'story_shared', itemId: 'shared', count: 2 },
          ],
        }),
      ]),
      minGroupSize: 2,
    })!;
    expect(detail.topStories).toEqual([
      { storyId: 'shared', views: 2, inserted: 0, shared: 3 },
      { storyId: 'seen-a-lot', views: 10, inserted: 0, shared: 0 },
    ]);
  });

  it('lists a story only when k installs saw or used it in every week; one seen by one install is not listed', () => {
    const detail = buildDepartmentDetail(
      input([
        week('2026-11-02', {}, {}, {
          // lonely and niche together hold five installs from two stories: a safe "other", never shown.
          stories: { popular: ids('p', 7), lonely: ['x0'], niche: ids('n', 4) },
          items: [
            { type: 'story_viewed', itemId: 'popular', count: 7 },
            { type: 'story_inserted', itemId: 'popular', count: 1 },
            { type: 'story_viewed', itemId: 'lonely', count: 1 },
            { type: 'story_shared', itemId: 'lonely', count: 9 },
            { type: 'story_viewed', itemId: 'niche', count: 4 },
          ],
        }),
        week('2026-11-09', {}, {}, {
          stories: { popular: ids('p', 5) },
          items: [{ type: 'story_viewed', itemId: 'popular', count: 5 }],
        }),
      ]),
    )!;
    // lonely's nine shares would rank it first: it is not listed, nor is niche.
    expect(detail.topStories).toEqual([{ storyId: 'popular', views: 12, inserted: 1, shared: 0 }]);
  });

  it('does not list a story seen by k installs in one week and fewer in another', () => {
    const detail = buildDepartmentDetail(
      input([
        week('2026-11-02', {}, {}, {
          stories: { steady: ids('s', 5), fading: ids('f', 6), other1: ['o0'], other2: ids('q', 4) },
          items: [
            { type: 'story_viewed', itemId: 'steady', count: 5 },
            { type: 'story_viewed', itemId: 'fading', count: 6 },
          ],
        }),
        week('2026-11-09', {}, {}, {
          stories: { steady: ids('s', 6), fading: ['f0'], other1: ids('o', 4) },
          items: [
            { type: 'story_viewed', itemId: 'steady', count: 6 },
            { type: 'story_viewed', itemId: 'fading', count: 1 },
          ],
        }),
      ]),
    )!;
    expect(detail.topStories).toEqual([{ storyId: 'steady', views: 11, inserted: 0, shared: 0 }]);
  });

  it('lists no story when the only other one is small, or the small ones share installs to fewer than k (complementary suppression)', () => {
    const items = [
      { type: 'story_viewed' as const, itemId: 'popular', count: 9 },
      { type: 'story_viewed' as const, itemId: 'lonely', count: 1 },
    ];
    // popular with one small story: the folded stories would be lonely alone, so popular is folded too.
    expect(buildDepartmentDetail(input([week('2026-11-02', {}, {}, { stories: { popular: ids('p', 9), lonely: ['x0'] }, items })]))!.topStories).toEqual([]);
    // Two small stories, but the same four installs: fewer than k together, so popular is folded too.
    const overlapping = { popular: ids('p', 9), lonely: ['n0'], niche: ids('n', 4) };
    expect(buildDepartmentDetail(input([week('2026-11-02', {}, {}, { stories: overlapping, items })]))!.topStories).toEqual([]);
  });

  it('does not list a story counted in a week with no installs known for it (before story_reach), however often it was seen', () => {
    const old = week('2026-11-02', {}, {}, { items: [{ type: 'story_viewed', itemId: 'popular', count: 40 }] });
    const recent = week('2026-11-09', {}, {}, {
      stories: { popular: ids('p', 9), fresh: ids('f', 6) },
      items: [
        { type: 'story_viewed', itemId: 'popular', count: 9 },
        { type: 'story_viewed', itemId: 'fresh', count: 6 },
      ],
    });
    // popular is folded in the old week (with no install counted it is a group of one): not named over the range.
    // fresh, not seen in the old week, has nothing to hide there, and k installs in the recent one: listed.
    expect(buildDepartmentDetail(input([old, recent]))!.topStories).toEqual([{ storyId: 'fresh', views: 6, inserted: 0, shared: 0 }]);
  });
});
